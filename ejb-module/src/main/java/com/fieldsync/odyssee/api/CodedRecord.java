package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/** A record imported from the ERP whose {@code code} is the ERP key (all but jobs). */
public abstract class CodedRecord extends OdysseeRecord {

    /** The ERP key. */
    @JsonbProperty("code")
    public String code = "";

    @Override
    @JsonbTransient
    public String keyField() {
        return "code";
    }

    @Override
    public String erpKey() {
        return code;
    }

    @Override
    public void erpKey(String key) {
        this.code = key;
    }
}
