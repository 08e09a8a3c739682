/**
 * The public API ERP code compiles against (shipped as the ejb-client jar): fire an {@link
 * com.fieldsync.erp.ErpChange} CDI event, or call the injected {@link com.fieldsync.erp.FieldSync}
 * service, inside the ERP's own JTA transaction.
 */
package com.fieldsync.erp;
