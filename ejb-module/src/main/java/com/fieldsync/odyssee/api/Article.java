package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;

/** {@code api/Article}: a part or service that can be used on a job. */
public class Article extends CodedRecord {
    @JsonbProperty("description")
    public String description = "";

    @JsonbProperty("price")
    public BigDecimal price = BigDecimal.ZERO;

    @JsonbProperty("article_category_id")
    public String articleCategoryId = NO_REFERENCE;

    @Override
    @JsonbTransient
    public String controller() {
        return "Article";
    }
}
