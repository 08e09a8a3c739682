package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/** {@code api/User}: a technician. */
public class User extends CodedRecord {
    @JsonbProperty("username")
    public String username = "";

    @JsonbProperty("firstname")
    public String firstname = "";

    @JsonbProperty("lastname")
    public String lastname = "";

    @Override
    @JsonbTransient
    public String controller() {
        return "User";
    }
}
