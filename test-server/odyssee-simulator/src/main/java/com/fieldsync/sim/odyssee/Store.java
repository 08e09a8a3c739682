package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.SimClock;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulator's database: one insertion-ordered table per controller. One lock guards all tables, so an add is
 * atomic with its uniqueness and foreign-key checks even under many concurrent clients (the load is tiny, the
 * simplicity is worth more than finer locks). The same lock serves {@link #atomically} for work made of several
 * writes (a technician's completion, the PDF queue), and {@link Listener listeners} hear of every save under it, so
 * they see saves in their real order.
 */
final class Store {
    /** Told of every row saved, inside the store's lock: keep it short and do not block. */
    @FunctionalInterface
    interface Listener {
        /** @param previous the row this one replaced, null when the row is new to its table */
        void saved(ControllerDef def, JsonObject previous, JsonObject row);
    }

    private final Map<ControllerDef, Map<String, JsonObject>> tables = new HashMap<>();
    /** Per controller and unique field: value to the id holding it, so a uniqueness check is O(1). */
    private final Map<ControllerDef, Map<String, Map<JsonValue, String>>> uniques = new HashMap<>();

    private final List<Listener> listeners = new ArrayList<>();
    private final SimClock clock;

    Store(SimClock clock) {
        this.clock = clock;
    }

    /** POST: a new row; 400 bad fields, 409 id taken, 422 unknown reference or duplicate code. */
    synchronized JsonObject add(ControllerDef def, JsonObject body) {
        Map<String, JsonValue> values = Rows.supplied(def, body);
        String id = Rows.suppliedId(body);
        JsonObject row = Rows.build(def, id == null ? Guids.random() : id, values, clock.now());
        Rows.checkRequired(def, row);
        if (id != null && table(def).containsKey(id)) {
            throw new ApiException(409, def.name() + " " + id + " already exists");
        }
        return save(def, row);
    }

    /** PUT: the supplied fields replace the stored ones, the others keep their values. */
    synchronized JsonObject update(ControllerDef def, String pathId, JsonObject body) {
        JsonObject existing = find(def, pathId).orElseThrow(() -> noSuchRow(def, pathId));
        String id = existing.getString(ControllerDef.ID);
        String bodyId = Rows.suppliedId(body);
        if (bodyId != null && !bodyId.equals(id)) {
            throw ApiException.badRequest("body id " + bodyId + " differs from the URL's id " + id);
        }
        Map<String, JsonValue> values = new LinkedHashMap<>(existing);
        values.putAll(Rows.supplied(def, body));
        JsonObject row = Rows.build(def, id, values, clock.now());
        Rows.checkRequired(def, row);
        return save(def, row);
    }

    /** Test seeding: inserts, or replaces whole when the id exists; same checks as the API. */
    synchronized JsonObject put(ControllerDef def, JsonObject body) {
        String id = Rows.suppliedId(body);
        JsonObject row = Rows.build(def, id == null ? Guids.random() : id, Rows.supplied(def, body), clock.now());
        Rows.checkRequired(def, row);
        return save(def, row);
    }

    /** Runs {@code work} holding the store's lock: no other client's write interleaves with its reads and writes. */
    synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    /** Adds a listener; listeners are kept across {@link #clear()}. */
    synchronized void listen(Listener listener) {
        listeners.add(listener);
    }

    synchronized Optional<JsonObject> find(ControllerDef def, String id) {
        if (!Guids.isGuid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(table(def).get(Guids.normalize(id)));
    }

    /** A snapshot, in insertion order. */
    synchronized List<JsonObject> all(ControllerDef def) {
        return new ArrayList<>(table(def).values());
    }

    synchronized void clear() {
        tables.clear();
        uniques.clear();
    }

    static ApiException noSuchRow(ControllerDef def, String id) {
        return ApiException.notFound("no " + def.name() + " with id '" + id + "'");
    }

    private JsonObject save(ControllerDef def, JsonObject row) {
        checkReferences(def, row);
        checkUnique(def, row);
        // an update replaces in place, keeping the row's position in insertion order
        JsonObject previous = table(def).put(row.getString(ControllerDef.ID), row);
        index(def, previous, row);
        listeners.forEach(listener -> listener.saved(def, previous, row));
        return row;
    }

    private void checkReferences(ControllerDef def, JsonObject row) {
        for (FieldDef field : def.fields()) {
            if (!field.isForeignKey()) {
                continue;
            }
            String target = row.getString(field.name());
            if (!target.equals(Guids.ZERO)
                    && !table(Controllers.require(field.references())).containsKey(target)) {
                throw ApiException.unprocessable("field '" + field.name() + "' names " + field.references() + " "
                        + target + ", which does not exist");
            }
        }
    }

    private void checkUnique(ControllerDef def, JsonObject row) {
        String id = row.getString(ControllerDef.ID);
        for (FieldDef field : def.fields()) {
            JsonValue value = row.get(field.name());
            if (!field.isUnique() || Rows.isEmpty(value)) {
                continue;
            }
            String holder = unique(def, field).get(value);
            if (holder != null && !holder.equals(id)) {
                throw ApiException.unprocessable("duplicate " + field.name() + " '" + ((JsonString) value).getString()
                        + "' in " + def.name() + ": already used by " + holder);
            }
        }
    }

    private void index(ControllerDef def, JsonObject previous, JsonObject row) {
        String id = row.getString(ControllerDef.ID);
        for (FieldDef field : def.fields()) {
            if (!field.isUnique()) {
                continue;
            }
            Map<JsonValue, String> index = unique(def, field);
            if (previous != null) {
                index.remove(previous.get(field.name()), id);
            }
            JsonValue value = row.get(field.name());
            if (!Rows.isEmpty(value)) {
                index.put(value, id);
            }
        }
    }

    private Map<JsonValue, String> unique(ControllerDef def, FieldDef field) {
        return uniques.computeIfAbsent(def, d -> new HashMap<>()).computeIfAbsent(field.name(), f -> new HashMap<>());
    }

    private Map<String, JsonObject> table(ControllerDef def) {
        return tables.computeIfAbsent(def, d -> new LinkedHashMap<>());
    }
}
