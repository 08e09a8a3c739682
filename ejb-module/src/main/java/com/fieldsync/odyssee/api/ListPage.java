package com.fieldsync.odyssee.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * A list answer read as plain rows: {@code {"value":[…],"@odata.nextLink":"…"}}. Rows stay maps
 * because the feeds read a few columns of several controllers and must tolerate new ones.
 */
public class ListPage {
    public List<Map<String, Object>> value;

    @JsonbProperty("@odata.nextLink")
    public String nextLink;
}
