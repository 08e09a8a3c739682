package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_PROJECT table. */
@Entity
@Table(name = "ERP_PROJECT")
public class Project extends ErpRecord {

    @Column(name = "NAME", length = 500)
    private String name = "";

    @Column(name = "CUSTOMER", length = 500)
    private String customer = "";

    @Column(name = "PROJECT_TYPE", length = 500)
    private String projectType = "";

    protected Project() {}

    public Project(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.PROJECT;
    }

    @Override
    void apply(Map<String, Object> values) {
        name = text(values, "name", name);
        customer = text(values, "customer", customer);
        projectType = text(values, "projectType", projectType);
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("customer", customer);
        fields.put("projectType", projectType);
        return fields;
    }
}
