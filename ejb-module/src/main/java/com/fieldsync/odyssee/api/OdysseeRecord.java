package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Base of the records FieldSync imports into Odyssee. Odyssee has no nulls: every field starts at
 * its default and the connector never sends {@code null}.
 */
public abstract class OdysseeRecord {

    /** The zero GUID Odyssee uses for "no reference". */
    public static final String NO_REFERENCE = "00000000-0000-0000-0000-000000000000";

    @JsonbProperty("id")
    public String id = NO_REFERENCE;

    /** The controller ({@code api/{controller}}) this record belongs to. */
    public abstract String controller();

    /** The field that carries the ERP key: {@code code}, or {@code reference_back_office} for a job. */
    public abstract String keyField();

    public abstract String erpKey();

    public abstract void erpKey(String key);
}
