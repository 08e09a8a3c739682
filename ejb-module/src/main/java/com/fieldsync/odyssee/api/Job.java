package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * {@code api/Jobs}: a work order. Its ERP key is {@code reference_back_office}. A null {@code
 * job_status_id} is left out of the JSON, so an update that requests no status keeps the one the
 * technicians set.
 */
public class Job extends OdysseeRecord {

    @JsonbProperty("reference_back_office")
    public String referenceBackOffice = "";

    @JsonbProperty("description")
    public String description = "";

    @JsonbProperty("project_id")
    public String projectId = NO_REFERENCE;

    @JsonbProperty("user_id")
    public String userId = NO_REFERENCE;

    @JsonbProperty("job_status_id")
    public String jobStatusId;

    @Override
    @JsonbTransient
    public String controller() {
        return "Jobs";
    }

    @Override
    @JsonbTransient
    public String keyField() {
        return "reference_back_office";
    }

    @Override
    public String erpKey() {
        return referenceBackOffice;
    }

    @Override
    public void erpKey(String key) {
        this.referenceBackOffice = key;
    }
}
