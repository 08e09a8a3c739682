package com.fieldsync.erp;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One committed-or-not ERP change, fired as a CDI event (or passed to {@link FieldSync#enqueue})
 * inside the ERP transaction that made it. FieldSync writes it to its outbox in that same
 * transaction: if the ERP rolls back, nothing is sent; once it commits, it is never lost.
 *
 * @param type what kind of record changed
 * @param erpKey the record's key in the ERP (its primary key or business code); sent to the
 *     platform as {@code code}
 * @param kind created/updated or deleted
 * @param fields the record's current values of the fields {@link EntityType#fields()} names;
 *     values are strings, numbers or booleans; a {@code null} value means "empty"
 */
public record ErpChange(EntityType type, String erpKey, ChangeKind kind, Map<String, Object> fields) {

    public ErpChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        if (erpKey == null || erpKey.isBlank()) {
            throw new IllegalArgumentException("erpKey must not be blank");
        }
        if (erpKey.length() > 200) {
            throw new IllegalArgumentException("erpKey is longer than 200 characters: " + erpKey);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((name, value) -> copy.put(name, normalise(name, value)));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** A created or updated record with its current field values. */
    public static ErpChange upsert(EntityType type, String erpKey, Map<String, ?> fields) {
        return new ErpChange(type, erpKey, ChangeKind.UPSERT, Map.copyOf(nullSafe(fields)));
    }

    /** A deleted record. */
    public static ErpChange delete(EntityType type, String erpKey) {
        return new ErpChange(type, erpKey, ChangeKind.DELETE, Map.of());
    }

    private static Map<String, ?> nullSafe(Map<String, ?> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, v);
                }
            });
        }
        return copy;
    }

    private static Object normalise(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalArgumentException("field '" + name + "' has unsupported type "
                + value.getClass().getName() + " (use String, number or Boolean)");
    }
}
