/**
 * The Resco Cloud connector (remote-apis.md section 2): ERP records to OData v4 entity sets by POST
 * and PATCH under a configurable field-to-attribute mapping; changes made on mobile back to the ERP
 * by polling {@code modifiedon} and by webhooks, through the inbound engine; and drift detection
 * against the service document and {@code $metadata}, which keeps the connector not ready, naming
 * the entity and attribute, before a sync breaks.
 */
package com.fieldsync.resco;
