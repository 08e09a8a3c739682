package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_CONTACT table: a customer's contact person. */
@Entity
@Table(name = "ERP_CONTACT")
public class Contact extends ErpRecord {

    @Column(name = "FIRSTNAME", length = 500)
    private String firstname = "";

    @Column(name = "LASTNAME", length = 500)
    private String lastname = "";

    @Column(name = "EMAIL", length = 500)
    private String email = "";

    @Column(name = "PHONE", length = 500)
    private String phone = "";

    @Column(name = "CUSTOMER", length = 500)
    private String customer = "";

    protected Contact() {}

    public Contact(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.CONTACT;
    }

    @Override
    void apply(Map<String, Object> values) {
        firstname = text(values, "firstname", firstname);
        lastname = text(values, "lastname", lastname);
        email = text(values, "email", email);
        phone = text(values, "phone", phone);
        customer = text(values, "customer", customer);
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("firstname", firstname);
        fields.put("lastname", lastname);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("customer", customer);
        return fields;
    }
}
