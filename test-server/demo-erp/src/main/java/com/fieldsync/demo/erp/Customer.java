package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_CUSTOMER table. */
@Entity
@Table(name = "ERP_CUSTOMER")
public class Customer extends ErpRecord {

    @Column(name = "NAME", length = 500)
    private String name = "";

    @Column(name = "VAT", length = 500)
    private String vat = "";

    @Column(name = "PHONE", length = 500)
    private String phone = "";

    @Column(name = "EMAIL", length = 500)
    private String email = "";

    @Column(name = "STREET", length = 500)
    private String street = "";

    @Column(name = "ZIP", length = 500)
    private String zip = "";

    @Column(name = "CITY", length = 500)
    private String city = "";

    @Column(name = "COUNTRY", length = 500)
    private String country = "";

    @Column(name = "CREDIT_LIMIT", length = 500)
    private String creditLimit = "";

    protected Customer() {}

    public Customer(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.CUSTOMER;
    }

    @Override
    void apply(Map<String, Object> values) {
        name = text(values, "name", name);
        vat = text(values, "vat", vat);
        phone = text(values, "phone", phone);
        email = text(values, "email", email);
        street = text(values, "street", street);
        zip = text(values, "zip", zip);
        city = text(values, "city", city);
        country = text(values, "country", country);
        creditLimit = text(values, "creditLimit", creditLimit);
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("vat", vat);
        fields.put("phone", phone);
        fields.put("email", email);
        fields.put("street", street);
        fields.put("zip", zip);
        fields.put("city", city);
        fields.put("country", country);
        fields.put("creditLimit", creditLimit);
        return fields;
    }
}
