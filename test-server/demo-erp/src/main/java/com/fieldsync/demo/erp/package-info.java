/**
 * A small demo ERP: its own customers, projects, articles and technicians in its own persistence
 * unit, and a REST API its users (and the load generator) call. Every save fires an {@link
 * com.fieldsync.erp.ErpChange} in the same transaction, which is all a vendor has to add.
 */
package com.fieldsync.demo.erp;
