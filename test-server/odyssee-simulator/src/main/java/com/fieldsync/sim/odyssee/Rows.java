package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Guids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns client JSON into stored rows: validation (400s), defaults, canonical field order and the server stamp. */
final class Rows {
    private Rows() {}

    /**
     * The client's fields, validated and normalised, without {@code id} and {@code modified_dateutc}: the latter is
     * the server's to set, so a client echoing a fetched row back is not an error, its stamp is just ignored.
     */
    static Map<String, JsonValue> supplied(ControllerDef def, JsonObject body) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            String name = entry.getKey();
            if (name.equals(ControllerDef.ID) || name.equals(ControllerDef.MODIFIED)) {
                continue;
            }
            FieldDef field = def.field(name)
                    .orElseThrow(() -> ApiException.badRequest("unknown field '" + name + "' for " + def.name()));
            values.put(name, field.type().accept(name, entry.getValue()));
        }
        return values;
    }

    /** The {@code id} the client supplied, normalised, or null when it supplied none. */
    static String suppliedId(JsonObject body) {
        if (!body.containsKey(ControllerDef.ID)) {
            return null;
        }
        JsonValue id = body.get(ControllerDef.ID);
        if (id instanceof JsonString && Guids.isGuid(((JsonString) id).getString())) {
            return Guids.normalize(((JsonString) id).getString());
        }
        throw ApiException.badRequest("field 'id' must be a GUID string, got " + id);
    }

    /** A complete row: every column present (defaults for the missing ones), in declaration order. */
    static JsonObject build(ControllerDef def, String id, Map<String, JsonValue> values, Instant stamp) {
        JsonObjectBuilder row = Json.createObjectBuilder();
        for (FieldDef field : def.fields()) {
            String name = field.name();
            if (name.equals(ControllerDef.ID)) {
                row.add(name, id);
            } else if (name.equals(ControllerDef.MODIFIED)) {
                row.add(name, Dates.format(stamp));
            } else {
                row.add(name, values.getOrDefault(name, field.type().defaultValue()));
            }
        }
        return row.build();
    }

    static void checkRequired(ControllerDef def, JsonObject row) {
        for (FieldDef field : def.fields()) {
            if (field.isRequired() && isEmpty(row.get(field.name()))) {
                throw ApiException.badRequest(
                        "missing required field '" + field.name() + "' for " + def.name() + " (absent or empty)");
            }
        }
    }

    /** Empty in Odyssee's sense: the default that means "no value" for text and GUID columns. */
    static boolean isEmpty(JsonValue value) {
        if (!(value instanceof JsonString)) {
            return false;
        }
        String s = ((JsonString) value).getString();
        return s.isEmpty() || s.equals(Guids.ZERO);
    }

    /** Only the given columns of a row, in the order given. */
    static JsonObject project(JsonObject row, Iterable<FieldDef> fields) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (FieldDef field : fields) {
            out.add(field.name(), row.get(field.name()));
        }
        return out.build();
    }
}
