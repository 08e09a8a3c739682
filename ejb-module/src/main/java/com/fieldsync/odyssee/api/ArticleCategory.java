package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/** {@code api/ArticleCategory}: an admin object with a code and a name. */
public class ArticleCategory extends CodedRecord {
    @JsonbProperty("name")
    public String name = "";

    @Override
    @JsonbTransient
    public String controller() {
        return "ArticleCategory";
    }
}
