package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** What every demo ERP table has: a business key, a revision counter and a last-modified column. */
@MappedSuperclass
public abstract class ErpRecord {

    @Id
    @Column(name = "ERP_KEY", length = 100)
    private String key;

    @Column(name = "REVISION", nullable = false)
    private long revision;

    @Column(name = "LAST_MODIFICATION", nullable = false)
    private LocalDateTime lastModification;

    protected ErpRecord() {}

    protected ErpRecord(String key) {
        this.key = key;
    }

    public String getKey() {
        return key;
    }

    public long getRevision() {
        return revision;
    }

    public LocalDateTime getLastModification() {
        return lastModification;
    }

    void touch() {
        revision++;
        lastModification = LocalDateTime.now(ZoneOffset.UTC);
    }

    public abstract EntityType type();

    /** Sets the fields the user edited; unknown names are ignored, like an ERP form would. */
    abstract void apply(Map<String, Object> values);

    /** The row as the ERP hands it to FieldSync: all its fields; FieldSync keeps those it syncs. */
    public abstract Map<String, Object> syncedFields();

    static String text(Map<String, Object> values, String name, String current) {
        Object v = values.get(name);
        return v == null ? current : v.toString();
    }
}
