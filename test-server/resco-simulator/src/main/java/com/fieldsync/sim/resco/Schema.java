package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.Attribute.lookup;
import static com.fieldsync.sim.resco.Attribute.of;
import static com.fieldsync.sim.resco.Attribute.string;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of what the simulator serves: entity sets and their attributes (remote-apis.md section 2). Storage,
 * validation, {@code $filter}, {@code $select}, {@code $expand}, the service document and {@code $metadata} all follow
 * from it; to serve a new entity set or attribute, add it here.
 *
 * <p>Each simulator has its own copy, which tests may change while it runs to play a customer's Resco organisation
 * drifting away from what the connector expects: {@link #drop}, {@link #retype} and {@link #add} take effect on the
 * next request. Stored values are kept across drift: a dropped attribute is no longer served, and a value the new
 * type cannot hold reads as null. {@link #restore()} (also done by {@code reset()}) brings back the standard table.
 * Thread-safe: changes replace an immutable map.
 */
public final class Schema {
    /** The CSDL namespace of the entity types. */
    public static final String NAMESPACE = "RescoCrm";

    private static final List<EntitySet> STANDARD = List.of(
            set(
                    "account",
                    "Account",
                    string("name", 160).required(),
                    string("accountnumber", 20),
                    string("emailaddress1", 100),
                    string("telephone1", 50),
                    string("address1_line1", 500),
                    string("address1_city", 160),
                    string("address1_postalcode", 40),
                    string("address1_country", 160),
                    of("address1_latitude", EdmType.DOUBLE),
                    of("address1_longitude", EdmType.DOUBLE),
                    of("donotemail", EdmType.BOOLEAN),
                    of("revenue", EdmType.DECIMAL),
                    string("vatid", 50)),
            set(
                    "contact",
                    "Contact",
                    string("firstname", 50),
                    string("lastname", 50).required(),
                    string("emailaddress1", 100),
                    string("telephone1", 50),
                    lookup("__parentcustomerid_id", "account")),
            set(
                    "product",
                    "Product",
                    string("name", 100).required(),
                    string("productnumber", 100),
                    of("price", EdmType.DECIMAL),
                    string("description", 2000)),
            set(
                    "resco_workorder",
                    "Work Order",
                    string("name", 100).required(),
                    string("description", 2000),
                    lookup("__accountid_id", "account"),
                    of("scheduledstart", EdmType.DATE_TIME_OFFSET),
                    of("statuscode", EdmType.INT32)));

    private volatile Map<String, EntitySet> sets = index(STANDARD);

    Schema() {}

    /** The entity sets in service-document order. */
    public List<EntitySet> entitySets() {
        return List.copyOf(sets.values());
    }

    /** An entity set by its exact (case-sensitive, as OData) name. */
    public Optional<EntitySet> entitySet(String name) {
        return Optional.ofNullable(name == null ? null : sets.get(name));
    }

    /** Stops serving an attribute: gone from {@code $metadata}, answers and writes (a write naming it is a 400). */
    public synchronized Schema drop(String entity, String attribute) {
        EntitySet set = require(entity);
        List<Attribute> declared = new ArrayList<>(set.declared());
        if (!declared.removeIf(a -> a.name().equals(attribute))) {
            throw unknownAttribute(set, attribute);
        }
        return replace(set.withDeclared(declared));
    }

    /**
     * Changes an attribute's type (and MaxLength for a string; null for none), as a customizer editing the entity in
     * Resco's Woodford would.
     */
    public synchronized Schema retype(String entity, String attribute, EdmType type, Integer maxLength) {
        EntitySet set = require(entity);
        List<Attribute> declared = new ArrayList<>(set.declared());
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).name().equals(attribute)) {
                declared.set(i, declared.get(i).retyped(type, maxLength));
                return replace(set.withDeclared(declared));
            }
        }
        throw unknownAttribute(set, attribute);
    }

    /** Serves a new attribute (before the server stamps in wire order). */
    public synchronized Schema add(String entity, Attribute attribute) {
        EntitySet set = require(entity);
        if (attribute.isLookup() && !sets.containsKey(attribute.lookupTarget())) {
            throw new IllegalArgumentException("lookup to unknown entity set " + attribute.lookupTarget());
        }
        List<Attribute> declared = new ArrayList<>(set.declared());
        declared.add(attribute);
        return replace(set.withDeclared(declared));
    }

    /** Back to the standard table. */
    public synchronized Schema restore() {
        sets = index(STANDARD);
        return this;
    }

    EntitySet require(String name) {
        return entitySet(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown Resco entity set '" + name + "'; known: " + sets.keySet()));
    }

    private Schema replace(EntitySet set) {
        Map<String, EntitySet> copy = new LinkedHashMap<>(sets);
        copy.put(set.name(), set);
        sets = Collections.unmodifiableMap(copy);
        return this;
    }

    private static IllegalArgumentException unknownAttribute(EntitySet set, String attribute) {
        return new IllegalArgumentException(
                EntitySet.isSystem(attribute)
                        ? attribute + " is the server's and cannot change"
                        : "no attribute '" + attribute + "' in " + set.name());
    }

    private static EntitySet set(String name, String title, Attribute... attributes) {
        return new EntitySet(name, title, List.of(attributes));
    }

    private static Map<String, EntitySet> index(List<EntitySet> all) {
        Map<String, EntitySet> map = new LinkedHashMap<>();
        all.forEach(set -> map.put(set.name(), set));
        // a typo in a lookup would otherwise surface as a puzzling 400 in some test
        for (EntitySet set : all) {
            for (Attribute attribute : set.attributes()) {
                if (attribute.isLookup() && !map.containsKey(attribute.lookupTarget())) {
                    throw new IllegalStateException(
                            set.name() + "." + attribute.name() + " references unknown " + attribute.lookupTarget());
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
