package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_WORK_ORDER table: a job for a technician, sent to mobile, completed there. */
@Entity
@Table(name = "ERP_WORK_ORDER")
public class WorkOrder extends ErpRecord {

    @Column(name = "DESCRIPTION", length = 500)
    private String description = "";

    @Column(name = "PROJECT", length = 100)
    private String project = "";

    @Column(name = "TECHNICIAN", length = 100)
    private String technician = "";

    @Column(name = "STATUS", length = 100)
    private String status = "";

    protected WorkOrder() {}

    public WorkOrder(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.WORK_ORDER;
    }

    @Override
    void apply(Map<String, Object> values) {
        description = text(values, "description", description);
        project = text(values, "project", project);
        technician = text(values, "technician", technician);
        status = text(values, "status", status);
    }

    /** A status change reported from mobile: the ERP's record follows, FieldSync is not told again. */
    void statusFromMobile(String status) {
        this.status = status;
        touch();
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", description);
        fields.put("project", project);
        fields.put("technician", technician);
        fields.put("status", status);
        return fields;
    }
}
