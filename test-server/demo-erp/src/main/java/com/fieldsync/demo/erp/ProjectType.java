package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_PROJECT_TYPE table. */
@Entity
@Table(name = "ERP_PROJECT_TYPE")
public class ProjectType extends ErpRecord {

    @Column(name = "NAME", length = 500)
    private String name = "";

    protected ProjectType() {}

    public ProjectType(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.PROJECT_TYPE;
    }

    @Override
    void apply(Map<String, Object> values) {
        name = text(values, "name", name);
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        return fields;
    }
}
