package com.fieldsync.demo;

import com.fieldsync.sim.resco.RescoSimulator;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges the Resco side of a demo run from the outside, as {@link Reconciler} does for Odyssee: the
 * final state of every ERP record of a kind Resco synchronises against the simulator's entity set,
 * found by its key attribute, with the values FieldSync's default mapping ({@code
 * RescoMapping.DEFAULTS} in the ejb-module) puts there. Nothing here trusts a counter FieldSync
 * keeps itself.
 */
public final class RescoReconciler {

    /**
     * The kinds Resco synchronises by default that have a key attribute: the ERP record type path,
     * its entity set, the attribute holding the ERP key, and attribute = ERP field for the rest.
     * CONTACT is synchronised too but has no key attribute (it is found through FieldSync's link
     * table only), so it cannot be judged from the outside: the load generator makes none, and a
     * change of one would count as lost.
     */
    enum Kind {
        CUSTOMER(
                "customer",
                "account",
                "accountnumber",
                fields(
                        "name", "name",
                        "vatid", "vat",
                        "telephone1", "phone",
                        "emailaddress1", "email",
                        "address1_line1", "street",
                        "address1_postalcode", "zip",
                        "address1_city", "city",
                        "address1_country", "country")),
        ARTICLE("article", "product", "productnumber", fields("name", "description", "price", "price")),
        WORK_ORDER("work_order", "resco_workorder", "name", fields("description", "description"));

        final String path;
        final String entitySet;
        final String keyAttribute;
        final Map<String, String> attributes;

        Kind(String path, String entitySet, String keyAttribute, Map<String, String> attributes) {
            this.path = path;
            this.entitySet = entitySet;
            this.keyAttribute = keyAttribute;
            this.attributes = attributes;
        }

        private static Map<String, String> fields(String... attributeThenField) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < attributeThenField.length; i += 2) {
                m.put(attributeThenField[i], attributeThenField[i + 1]);
            }
            return m;
        }
    }

    /** The ERP record types Resco synchronises by default, CONTACT included. */
    private static final List<String> SYNCED_PATHS = List.of("customer", "contact", "article", "work_order");

    /** The outcome of one comparison. */
    public record Summary(long erpChanges, long delivered, long lost, long duplicateCreates, List<String> mismatches) {}

    private RescoReconciler() {}

    /** Whether a load generator's change is of a kind Resco synchronises. */
    static boolean synced(Change c) {
        return SYNCED_PATHS.contains(c.type());
    }

    /**
     * Compares the ERP with Resco. Each change counts as delivered when its record's final state is
     * on Resco, as lost otherwise (the same rule as {@link Reconciler}); records the load generator
     * did not touch are compared too, and listed when they differ, but count no change.
     */
    public static Summary reconcile(ErpClient erp, RescoSimulator sim, List<Change> changes) throws Exception {
        List<Change> synced = changes.stream().filter(RescoReconciler::synced).toList();
        Map<String, Integer> changesPerRecord = new HashMap<>();
        for (Change c : synced) {
            changesPerRecord.merge(c.type() + "/" + c.key(), 1, Integer::sum);
        }
        long delivered = 0;
        long lost = 0;
        long duplicates = 0;
        List<String> mismatches = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Map<String, List<JsonObject>> byKey = new HashMap<>();
            for (JsonObject row : sim.records(kind.entitySet)) {
                String key = text(row, kind.keyAttribute);
                if (!key.isEmpty()) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
            }
            for (List<JsonObject> same : byKey.values()) {
                duplicates += same.size() - 1;
            }
            for (JsonValue v : erp.list(kind.path)) {
                JsonObject local = v.asJsonObject();
                String key = local.getString("key");
                int count = changesPerRecord.getOrDefault(kind.path + "/" + key, 0);
                List<JsonObject> remote = byKey.getOrDefault(key, List.of());
                String problem = remote.isEmpty()
                        ? "missing on Resco (no " + kind.entitySet + " with " + kind.keyAttribute + " = " + key + ")"
                        : compare(kind, local, remote.get(0));
                if (problem == null) {
                    delivered += count;
                } else {
                    lost += count;
                    if (mismatches.size() < 20) {
                        mismatches.add(kind.path + " " + key + ": " + problem);
                    }
                }
            }
        }
        for (Change c : synced) {
            if (Arrays.stream(Kind.values()).noneMatch(k -> k.path.equals(c.type()))) {
                lost++;
                if (mismatches.size() < 20) {
                    mismatches.add(c.type() + " " + c.key() + ": has no key attribute on Resco, cannot be judged");
                }
            }
        }
        return new Summary(synced.size(), delivered, lost, duplicates, mismatches);
    }

    private static String compare(Kind kind, JsonObject local, JsonObject remote) {
        for (Map.Entry<String, String> a : kind.attributes.entrySet()) {
            String want = ErpClient.text(local, a.getValue());
            if (remote.get(a.getKey()) instanceof JsonNumber got) {
                // price: 12.50 in the ERP is 12.5 on Resco
                if (!sameNumber(want, got.bigDecimalValue())) {
                    return a.getKey() + " is " + got + " on Resco but " + a.getValue() + " is '" + want
                            + "' in the ERP";
                }
                continue;
            }
            String got = text(remote, a.getKey());
            if (!want.equals(got)) {
                return a.getKey() + " is '" + got + "' on Resco but " + a.getValue() + " is '" + want + "' in the ERP";
            }
        }
        return null;
    }

    private static boolean sameNumber(String text, BigDecimal number) {
        try {
            return new BigDecimal(text).compareTo(number) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An attribute as text; absent and null are both empty, as FieldSync treats them. */
    static String text(JsonObject o, String attribute) {
        JsonValue v = o.get(attribute);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(attribute) : v.toString();
    }
}
