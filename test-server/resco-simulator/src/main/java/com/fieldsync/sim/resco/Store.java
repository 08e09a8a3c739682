package com.fieldsync.sim.resco;

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
 * The simulator's database: one insertion-ordered table per entity set, and one {@code versionnumber} sequence for
 * all of them (a SQL Server rowversion: every create or update takes the next number, so a record's etag changes
 * with each write and numbers never repeat, not even across {@link #clear()}). One lock guards everything, so a write
 * is atomic with its lookup checks under many concurrent clients; the {@link Listener} hears of each change under it,
 * so webhooks are queued in the order the changes happened.
 */
final class Store {
    static final String CREATE = "Create";
    static final String UPDATE = "Update";
    static final String DELETE = "Delete";

    /** Told of every change inside the store's lock: keep it short and do not block. */
    @FunctionalInterface
    interface Listener {
        /** @param action {@link #CREATE}, {@link #UPDATE} or {@link #DELETE} */
        void changed(String entity, String action, String id);
    }

    private final Map<String, Map<String, JsonObject>> tables = new HashMap<>();
    private final SimClock clock;
    private final Listener listener;
    private long lastVersion;

    Store(SimClock clock, Listener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** POST: a new record; 400 for bad values or lookups, 409 when the client's id is taken. */
    synchronized JsonObject create(EntitySet set, JsonObject body) {
        String id = Records.suppliedId(body);
        if (id != null && table(set).containsKey(id)) {
            throw ODataException.conflict("a " + set.name() + " with id " + id + " already exists");
        }
        return insert(set, id == null ? Guids.random() : id, Records.supplied(set, body));
    }

    /** PATCH: the supplied attributes change, the others keep their values; 404 absent, 412 etag mismatch. */
    synchronized JsonObject update(EntitySet set, String id, JsonObject body, String ifMatch) {
        JsonObject existing = require(set, id, ifMatch);
        String bodyId = Records.suppliedId(body);
        if (bodyId != null && !bodyId.equals(existing.getString(EntitySet.ID))) {
            throw ODataException.badRequest("the body's id " + bodyId + " differs from the key in the URL");
        }
        Map<String, JsonValue> values = Records.values(existing);
        values.putAll(Records.supplied(set, body));
        return save(set, existing, values);
    }

    /** Seeding: inserts, or replaces every value when the id exists (an update, keeping {@code createdon}). */
    synchronized JsonObject put(EntitySet set, JsonObject body) {
        String id = Records.suppliedId(body);
        JsonObject existing = id == null ? null : table(set).get(id);
        Map<String, JsonValue> values = Records.supplied(set, body);
        return existing == null ? insert(set, id == null ? Guids.random() : id, values) : save(set, existing, values);
    }

    /** DELETE: 404 absent, 412 etag mismatch. */
    synchronized void delete(EntitySet set, String id, String ifMatch) {
        JsonObject existing = require(set, id, ifMatch);
        table(set).remove(existing.getString(EntitySet.ID));
        listener.changed(set.name(), DELETE, existing.getString(EntitySet.ID));
    }

    synchronized Optional<JsonObject> find(String entity, String id) {
        if (!Guids.isGuid(id)) {
            return Optional.empty();
        }
        Map<String, JsonObject> table = tables.get(entity);
        return Optional.ofNullable(table == null ? null : table.get(Guids.normalize(id)));
    }

    /** A snapshot of stored records, in insertion order. */
    synchronized List<JsonObject> all(String entity) {
        Map<String, JsonObject> table = tables.get(entity);
        return table == null ? new ArrayList<>() : new ArrayList<>(table.values());
    }

    /** Runs {@code work} holding the store's lock: a list and its expanded lookups see one state. */
    synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    synchronized void clear() {
        tables.clear();
    }

    static ODataException noSuchRecord(String entity, String id) {
        return ODataException.notFound("no " + entity + " with id '" + id + "'");
    }

    private JsonObject require(EntitySet set, String id, String ifMatch) {
        JsonObject existing = find(set.name(), id).orElseThrow(() -> noSuchRecord(set.name(), id));
        if (ifMatch != null && !matches(ifMatch, Records.etag(existing))) {
            throw ODataException.preconditionFailed("If-Match " + ifMatch + " does not match the record's etag "
                    + Records.etag(existing) + ": it changed since it was read");
        }
        return existing;
    }

    private JsonObject insert(EntitySet set, String id, Map<String, JsonValue> values) {
        Records.checkRequired(set, values);
        checkLookups(set, values);
        String now = Dates.format(clock.now());
        JsonObject record = Records.stored(id, values, now, now, ++lastVersion);
        table(set).put(id, record);
        listener.changed(set.name(), CREATE, id);
        return record;
    }

    private JsonObject save(EntitySet set, JsonObject existing, Map<String, JsonValue> values) {
        Records.checkRequired(set, values);
        checkLookups(set, values);
        String id = existing.getString(EntitySet.ID);
        JsonObject record = Records.stored(
                id, values, existing.getString(EntitySet.CREATED), Dates.format(clock.now()), ++lastVersion);
        // replaced in place: the record keeps its position in insertion order
        table(set).put(id, record);
        listener.changed(set.name(), UPDATE, id);
        return record;
    }

    private void checkLookups(EntitySet set, Map<String, JsonValue> values) {
        for (Attribute attribute : set.attributes()) {
            JsonValue value = values.get(attribute.name());
            if (!attribute.isLookup() || !(value instanceof JsonString)) {
                continue;
            }
            String target = ((JsonString) value).getString();
            if (find(attribute.lookupTarget(), target).isEmpty()) {
                throw ODataException.badRequest("lookup '" + attribute.name() + "' names " + attribute.lookupTarget()
                        + " " + target + ", which does not exist");
            }
        }
    }

    private static boolean matches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || weak(tag).equals(weak(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private Map<String, JsonObject> table(EntitySet set) {
        return tables.computeIfAbsent(set.name(), name -> new LinkedHashMap<>());
    }
}
