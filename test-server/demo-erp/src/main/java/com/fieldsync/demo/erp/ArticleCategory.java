package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo ERP's ERP_ARTICLE_CATEGORY table. */
@Entity
@Table(name = "ERP_ARTICLE_CATEGORY")
public class ArticleCategory extends ErpRecord {

    @Column(name = "NAME", length = 500)
    private String name = "";

    protected ArticleCategory() {}

    public ArticleCategory(String key) {
        super(key);
    }

    @Override
    public EntityType type() {
        return EntityType.ARTICLE_CATEGORY;
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
