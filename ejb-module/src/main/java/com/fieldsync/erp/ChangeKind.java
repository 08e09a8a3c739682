package com.fieldsync.erp;

/** What happened to an ERP record. */
public enum ChangeKind {
    /** Created or updated: the change carries the record's current synchronised fields. */
    UPSERT,
    /** Deleted in the ERP. Platforms without a delete API record it without a remote call. */
    DELETE
}
