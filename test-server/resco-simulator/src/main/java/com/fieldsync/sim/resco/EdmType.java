package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.Timestamps;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The OData primitive types the simulator's attributes use, each with its write validation (into the stored,
 * canonical form) and its ordering for {@code $filter} and {@code $orderby}.
 */
public enum EdmType {
    STRING("Edm.String", "a string"),
    DECIMAL("Edm.Decimal", "a number"),
    DOUBLE("Edm.Double", "a number"),
    INT32("Edm.Int32", "a 32-bit integer"),
    INT64("Edm.Int64", "a 64-bit integer"),
    BOOLEAN("Edm.Boolean", "true or false"),
    GUID("Edm.Guid", "a GUID string"),
    DATE_TIME_OFFSET("Edm.DateTimeOffset", "an ISO-8601 datetime string");

    private final String edmName;
    private final String description;

    EdmType(String edmName, String description) {
        this.edmName = edmName;
        this.description = description;
    }

    /** The CSDL name, e.g. {@code Edm.String}. */
    public String edmName() {
        return edmName;
    }

    /** The type with this CSDL name, e.g. {@code Edm.Int32}. */
    public static EdmType fromEdmName(String edmName) {
        for (EdmType type : values()) {
            if (type.edmName.equals(edmName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a supported Edm type: " + edmName);
    }

    String description() {
        return description;
    }

    boolean isNumeric() {
        return this == DECIMAL || this == DOUBLE || this == INT32 || this == INT64;
    }

    /**
     * A non-null value in its canonical stored form, or null when this type cannot hold it. Idempotent, so it also
     * tells whether a value stored under another type (before a retype) still reads as this one.
     */
    JsonValue canonical(JsonValue value) {
        try {
            switch (this) {
                case STRING:
                    return value instanceof JsonString ? value : null;
                case DECIMAL:
                    return value instanceof JsonNumber
                            ? Json.createValue(((JsonNumber) value).bigDecimalValue())
                            : null;
                case DOUBLE:
                    return value instanceof JsonNumber && Double.isFinite(((JsonNumber) value).doubleValue())
                            ? value
                            : null;
                case INT32:
                    return value instanceof JsonNumber
                            ? Json.createValue(
                                    ((JsonNumber) value).bigDecimalValue().intValueExact())
                            : null;
                case INT64:
                    return value instanceof JsonNumber
                            ? Json.createValue(
                                    ((JsonNumber) value).bigDecimalValue().longValueExact())
                            : null;
                case BOOLEAN:
                    return value == JsonValue.TRUE || value == JsonValue.FALSE ? value : null;
                case GUID:
                    return value instanceof JsonString && Guids.isGuid(((JsonString) value).getString())
                            ? Json.createValue(Guids.normalize(((JsonString) value).getString()))
                            : null;
                case DATE_TIME_OFFSET:
                    return value instanceof JsonString
                            ? Timestamps.parse(((JsonString) value).getString())
                                    .map(instant -> (JsonValue) Json.createValue(Dates.format(instant)))
                                    .orElse(null)
                            : null;
                default:
                    throw new IllegalStateException(name());
            }
        } catch (ArithmeticException outOfRange) {
            return null;
        }
    }

    /** A stored, canonical, non-null value as something that orders the way the database would. */
    Comparable<?> comparable(JsonValue stored) {
        if (isNumeric()) {
            return ((JsonNumber) stored).bigDecimalValue();
        }
        switch (this) {
            case BOOLEAN:
                return stored == JsonValue.TRUE;
            case DATE_TIME_OFFSET:
                return Timestamps.parse(((JsonString) stored).getString()).orElseThrow();
            default:
                return ((JsonString) stored).getString();
        }
    }
}
