package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.Timestamps;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;

/**
 * The column types Odyssee exposes, each with its no-null default, its write validation and its ordering (used by
 * {@code $filter} and {@code $orderby}).
 */
enum FieldType {
    TEXT("a string", Json.createValue("")),
    DECIMAL("a number", Json.createValue(0)),
    BOOLEAN("a boolean", JsonValue.FALSE),
    DATETIME("a datetime string", Json.createValue(Dates.DEFAULT)),
    GUID("a GUID string", Json.createValue(Guids.ZERO)),
    /** File bytes travel as a base64 string. */
    BASE64("a base64 string", Json.createValue(""));

    private final String description;
    private final JsonValue defaultValue;

    FieldType(String description, JsonValue defaultValue) {
        this.description = description;
        this.defaultValue = defaultValue;
    }

    JsonValue defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    /** Validates a client-supplied value and returns it in the stored (canonical) form. */
    JsonValue accept(String field, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            throw ApiException.badRequest(
                    "field '" + field + "' is null: Odyssee has no nulls, send the default value instead");
        }
        switch (this) {
            case DECIMAL:
                if (value instanceof JsonNumber) {
                    return value;
                }
                break;
            case BOOLEAN:
                if (value.getValueType() == JsonValue.ValueType.TRUE
                        || value.getValueType() == JsonValue.ValueType.FALSE) {
                    return value;
                }
                break;
            case TEXT:
                if (value instanceof JsonString) {
                    return value;
                }
                break;
            case DATETIME:
                if (value instanceof JsonString) {
                    String text = ((JsonString) value).getString();
                    return Json.createValue(Dates.format(Timestamps.parse(text)
                            .orElseThrow(() -> ApiException.badRequest(
                                    "field '" + field + "' is not a datetime: '" + text + "'"))));
                }
                break;
            case GUID:
                if (value instanceof JsonString && Guids.isGuid(((JsonString) value).getString())) {
                    return Json.createValue(Guids.normalize(((JsonString) value).getString()));
                }
                break;
            case BASE64:
                if (value instanceof JsonString && isBase64(((JsonString) value).getString())) {
                    return value;
                }
                break;
        }
        throw ApiException.badRequest("field '" + field + "' must be " + description + ", got " + value);
    }

    /** The value of a stored (hence valid) field as something that orders the way the database would. */
    Comparable<?> comparable(JsonValue stored) {
        switch (this) {
            case DECIMAL:
                return ((JsonNumber) stored).bigDecimalValue();
            case BOOLEAN:
                return stored.getValueType() == JsonValue.ValueType.TRUE;
            case DATETIME:
                return Timestamps.parse(((JsonString) stored).getString()).orElseThrow();
            default:
                return ((JsonString) stored).getString();
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
