package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/** {@code api/Company}: a customer. */
public class Company extends CodedRecord {
    @JsonbProperty("name")
    public String name = "";

    @JsonbProperty("vat")
    public String vat = "";

    @JsonbProperty("phone")
    public String phone = "";

    @JsonbProperty("email")
    public String email = "";

    @JsonbProperty("street")
    public String street = "";

    @JsonbProperty("zip")
    public String zip = "";

    @JsonbProperty("city")
    public String city = "";

    @JsonbProperty("country")
    public String country = "";

    @Override
    @JsonbTransient
    public String controller() {
        return "Company";
    }
}
