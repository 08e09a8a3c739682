package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_TECHNICIAN table. */
@Entity
@Table(name = "ERP_TECHNICIAN")
public class Technician extends ErpRecord {

    @Column(name = "USERNAME", length = 500)
    private String username = "";

    @Column(name = "FIRSTNAME", length = 500)
    private String firstname = "";

    @Column(name = "LASTNAME", length = 500)
    private String lastname = "";

    protected Technician() {}

    public Technician(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.USER;
    }

    @Override
    void apply(Map<String, Object> values) {
        username = text(values, "username", username);
        firstname = text(values, "firstname", firstname);
        lastname = text(values, "lastname", lastname);
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("firstname", firstname);
        fields.put("lastname", lastname);
        return fields;
    }
}
