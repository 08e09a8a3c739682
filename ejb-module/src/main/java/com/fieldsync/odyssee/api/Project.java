package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/** {@code api/Project}: a customer's project. */
public class Project extends CodedRecord {
    @JsonbProperty("name")
    public String name = "";

    @JsonbProperty("company_id")
    public String companyId = NO_REFERENCE;

    @JsonbProperty("project_type_id")
    public String projectTypeId = NO_REFERENCE;

    @Override
    @JsonbTransient
    public String controller() {
        return "Project";
    }
}
