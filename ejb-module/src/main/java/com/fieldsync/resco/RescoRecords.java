package com.fieldsync.resco;

import com.fieldsync.connector.PushRequest;
import com.fieldsync.connector.Replies;
import com.fieldsync.erp.EntityType;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * ERP fields to Resco attributes and back, and the one canonical form both directions hash: mapped
 * attributes in name order, empty and null alike, numbers without trailing zeros, GUIDs in lower
 * case. FieldSync keeps the hash of what Resco holds (after a push, or after delivering a mobile
 * change to the ERP), so neither side's echo of the other's change makes a call or an ERP event.
 */
final class RescoRecords {

    private RescoRecords() {}

    /** A record to send, or the referenced record it waits for. */
    record Outbound(JsonObject body, String hash, EntityType waitingForType, String waitingForKey) {}

    static Outbound outbound(RescoMapping.EntityMap m, PushRequest r) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        Map<String, String> canonical = new TreeMap<>();
        for (RescoMapping.Attr a : m.attributes()) {
            String value =
                    switch (a.kind()) {
                        case KEY -> r.erpKey();
                        case TEXT -> text(r.fields().get(a.erpField()));
                        case NUMBER -> number(r.fields().get(a.erpField()));
                        case LOOKUP -> {
                            String key = text(r.fields().get(a.erpField()));
                            if (key.isEmpty()) {
                                yield "";
                            }
                            Optional<String> id = r.references().remoteId(a.target(), key);
                            if (id.isEmpty()) {
                                yield null;
                            }
                            yield id.get().toLowerCase(Locale.ROOT);
                        }
                    };
            if (value == null) {
                String key = text(r.fields().get(a.erpField()));
                return new Outbound(null, null, a.target(), key);
            }
            canonical.put(a.attribute(), value);
            if (value.isEmpty()) {
                body.addNull(a.attribute());
            } else if (a.kind() == RescoMapping.Kind.NUMBER) {
                body.add(a.attribute(), new BigDecimal(value));
            } else {
                body.add(a.attribute(), value);
            }
        }
        return new Outbound(body.build(), hash(canonical), null, null);
    }

    /** The canonical hash of the mapped attributes of a record read from Resco. */
    static String inboundHash(RescoMapping.EntityMap m, JsonObject row) {
        Map<String, String> canonical = new TreeMap<>();
        for (RescoMapping.Attr a : m.attributes()) {
            canonical.put(a.attribute(), canonical(a, row.get(a.attribute())));
        }
        return hash(canonical);
    }

    /**
     * The ERP fields of a record read from Resco. A lookup names the referenced record by its ERP
     * key ({@code erpKeyOf}); one FieldSync cannot place is left out rather than guessed.
     */
    static Map<String, String> fields(
            RescoMapping.EntityMap m, JsonObject row, BiFunction<EntityType, String, Optional<String>> erpKeyOf) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (RescoMapping.Attr a : m.attributes()) {
            if (a.kind() == RescoMapping.Kind.KEY || fields.containsKey(a.erpField())) {
                continue;
            }
            String value = canonical(a, row.get(a.attribute()));
            if (a.kind() == RescoMapping.Kind.LOOKUP) {
                if (value.isEmpty()) {
                    fields.put(a.erpField(), "");
                } else {
                    erpKeyOf.apply(a.target(), value).ifPresent(key -> fields.put(a.erpField(), key));
                }
            } else {
                fields.put(a.erpField(), value);
            }
        }
        return fields;
    }

    /** The ERP key a record carries in its key attribute, or "" (none mapped, or empty). */
    static String keyOf(RescoMapping.EntityMap m, JsonObject row) {
        return m.key().map(a -> RescoReader.text(row, a.attribute())).orElse("");
    }

    private static String canonical(RescoMapping.Attr a, JsonValue v) {
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        if (v instanceof JsonNumber n) {
            return normalise(n.bigDecimalValue());
        }
        String s = v instanceof JsonString js ? js.getString() : v.toString();
        if (a.kind() == RescoMapping.Kind.NUMBER && !s.isBlank()) {
            try {
                return normalise(new BigDecimal(s.trim()));
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return a.kind() == RescoMapping.Kind.LOOKUP ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? normalise(d) : v.toString();
    }

    private static String number(Object v) {
        if (v == null || v.toString().isBlank()) {
            return "";
        }
        BigDecimal d =
                v instanceof BigDecimal b ? b : new BigDecimal(v.toString().trim());
        return normalise(d);
    }

    private static String normalise(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    static String hash(Map<String, String> canonical) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        canonical.forEach(o::add);
        return sha256(o.build().toString());
    }

    static String sha256(String text) {
        return Replies.sha256(text);
    }
}
