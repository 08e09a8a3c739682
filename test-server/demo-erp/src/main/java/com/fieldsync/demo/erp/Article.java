package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_ARTICLE table. */
@Entity
@Table(name = "ERP_ARTICLE")
public class Article extends ErpRecord {

    @Column(name = "DESCRIPTION", length = 500)
    private String description = "";

    @Column(name = "PRICE", length = 500)
    private String price = "";

    @Column(name = "CATEGORY", length = 500)
    private String category = "";

    protected Article() {}

    public Article(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.ARTICLE;
    }

    @Override
    void apply(Map<String, Object> values) {
        description = text(values, "description", description);
        price = text(values, "price", price);
        category = text(values, "category", category);
    }

    @Override
    public Map<String, Object> syncedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("description", description);
        fields.put("price", price);
        fields.put("category", category);
        return fields;
    }
}
