package com.fieldsync.outbox;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.TreeMap;

/** Stores an ERP change's fields as JSON with sorted keys, so equal fields give equal text. */
final class PayloadCodec {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private PayloadCodec() {}

    static String write(Map<String, Object> fields) {
        return JSONB.toJson(new TreeMap<>(fields));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String payload) {
        return JSONB.fromJson(payload, TreeMap.class);
    }
}
