package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Guids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client JSON to stored records and stored records to answers. A stored record holds {@code id}, the values clients
 * set (explicit nulls included) and the server stamps; an answer shows it through the current schema: every served
 * attribute in wire order, null when unset or no longer of the attribute's type, and {@code @odata.etag} first.
 */
final class Records {
    private Records() {}

    /**
     * The client's attribute values, validated and canonical, without {@code id}, the server stamps (a client echoing
     * a fetched record back is not an error, those values are just ignored) and {@code @odata.*} annotations.
     */
    static Map<String, JsonValue> supplied(EntitySet set, JsonObject body) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            String name = entry.getKey();
            if (name.equals(EntitySet.ID) || EntitySet.isStamp(name) || name.startsWith("@odata.")) {
                continue;
            }
            Attribute attribute = set.attribute(name)
                    .orElseThrow(() -> ODataException.badRequest(
                            "The property '" + name + "' does not exist on type 'RescoCrm." + set.name() + "'"));
            values.put(name, accept(set, attribute, entry.getValue()));
        }
        return values;
    }

    /** The {@code id} the client supplied, normalised, or null when it supplied none. */
    static String suppliedId(JsonObject body) {
        JsonValue id = body.get(EntitySet.ID);
        if (id == null || id == JsonValue.NULL) {
            return null;
        }
        if (id instanceof JsonString && Guids.isGuid(((JsonString) id).getString())) {
            return Guids.normalize(((JsonString) id).getString());
        }
        throw ODataException.badRequest("'id' must be a GUID string, got " + id);
    }

    /** 400 unless every required attribute has a value in {@code values} (a whole record's values). */
    static void checkRequired(EntitySet set, Map<String, JsonValue> values) {
        for (Attribute attribute : set.attributes()) {
            if (attribute.isRequired()
                    && !attribute.name().equals(EntitySet.ID)
                    && isEmpty(values.get(attribute.name()))) {
                throw ODataException.badRequest(
                        "required attribute '" + attribute.name() + "' of " + set.name() + " is missing or empty");
            }
        }
    }

    /** A stored record with these values and stamps. */
    static JsonObject stored(
            String id, Map<String, JsonValue> values, String createdOn, String modifiedOn, long version) {
        JsonObjectBuilder record = Json.createObjectBuilder().add(EntitySet.ID, id);
        values.forEach(record::add);
        return record.add(EntitySet.CREATED, createdOn)
                .add(EntitySet.MODIFIED, modifiedOn)
                .add(EntitySet.VERSION, version)
                .build();
    }

    /** The values a stored record holds, without {@code id} and the stamps. */
    static Map<String, JsonValue> values(JsonObject stored) {
        Map<String, JsonValue> values = new LinkedHashMap<>(stored);
        values.remove(EntitySet.ID);
        values.keySet().removeIf(EntitySet::isStamp);
        return values;
    }

    /** A stored record as the API shows it under {@code set}'s current attributes. */
    static JsonObject render(EntitySet set, JsonObject stored) {
        JsonObjectBuilder out = Json.createObjectBuilder().add(EntitySet.ETAG, etag(stored));
        for (Attribute attribute : set.attributes()) {
            out.add(attribute.name(), read(attribute, stored.get(attribute.name())));
        }
        return out.build();
    }

    /** The weak ETag of a record: its {@code versionnumber}, which changes on every write. */
    static String etag(JsonObject stored) {
        return "W/\"" + stored.getJsonNumber(EntitySet.VERSION).longValue() + "\"";
    }

    private static JsonValue accept(EntitySet set, Attribute attribute, JsonValue value) {
        String name = attribute.name();
        if (value == JsonValue.NULL) {
            if (attribute.isRequired()) {
                throw ODataException.badRequest(
                        "required attribute '" + name + "' of " + set.name() + " cannot be null");
            }
            return JsonValue.NULL;
        }
        JsonValue canonical = attribute.type().canonical(value);
        if (canonical == null) {
            throw ODataException.badRequest(
                    "attribute '" + name + "' is " + attribute.type().edmName() + ": expected "
                            + attribute.type().description() + ", got " + value);
        }
        if (attribute.maxLength() != null) {
            int length = ((JsonString) canonical).getString().length();
            if (length > attribute.maxLength()) {
                throw ODataException.badRequest("attribute '" + name + "' is " + length
                        + " characters long, its MaxLength is " + attribute.maxLength());
            }
        }
        return canonical;
    }

    private static JsonValue read(Attribute attribute, JsonValue stored) {
        if (stored == null || stored == JsonValue.NULL) {
            return JsonValue.NULL;
        }
        JsonValue canonical = attribute.type().canonical(stored);
        return canonical == null ? JsonValue.NULL : canonical;
    }

    private static boolean isEmpty(JsonValue value) {
        return value == null
                || value == JsonValue.NULL
                || (value instanceof JsonString
                        && ((JsonString) value).getString().isEmpty());
    }
}
