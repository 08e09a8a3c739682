package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/** {@code api/ProjectType}: an admin object with a code and a name. */
public class ProjectType extends CodedRecord {
    @JsonbProperty("name")
    public String name = "";

    @Override
    @JsonbTransient
    public String controller() {
        return "ProjectType";
    }
}
