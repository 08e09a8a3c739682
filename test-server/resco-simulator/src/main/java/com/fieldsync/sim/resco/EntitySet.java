package com.fieldsync.sim.resco;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entity set (table) as the simulator serves it: its name, its title in the service document and its attributes
 * in wire order, which always start with the key {@code id} and end with the server-stamped {@code createdon},
 * {@code modifiedon} and {@code versionnumber}. Immutable: schema drift replaces it.
 */
public final class EntitySet {
    static final String ID = "id";
    static final String CREATED = "createdon";
    static final String MODIFIED = "modifiedon";
    static final String VERSION = "versionnumber";
    static final String ETAG = "@odata.etag";

    private static final List<Attribute> STAMPS = List.of(
            Attribute.of(CREATED, EdmType.DATE_TIME_OFFSET),
            Attribute.of(MODIFIED, EdmType.DATE_TIME_OFFSET),
            Attribute.of(VERSION, EdmType.INT64));

    private final String name;
    private final String title;
    private final List<Attribute> declared;
    private final Map<String, Attribute> all;

    EntitySet(String name, String title, List<Attribute> declared) {
        this.name = name;
        this.title = title;
        this.declared = List.copyOf(declared);
        List<Attribute> wire = new ArrayList<>();
        wire.add(Attribute.of(ID, EdmType.GUID).required());
        wire.addAll(declared);
        wire.addAll(STAMPS);
        Map<String, Attribute> byName = new LinkedHashMap<>();
        for (Attribute attribute : wire) {
            if (byName.put(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException(name + " declares " + attribute.name() + " twice");
            }
        }
        this.all = Collections.unmodifiableMap(byName);
    }

    public String name() {
        return name;
    }

    /** The human name the service document shows, e.g. {@code Account}. */
    public String title() {
        return title;
    }

    /** Every attribute in wire order, {@code id} first and the server stamps last. */
    public List<Attribute> attributes() {
        return List.copyOf(all.values());
    }

    public Optional<Attribute> attribute(String attributeName) {
        return Optional.ofNullable(all.get(attributeName));
    }

    /** The lookup whose {@code $expand} name is {@code navigation}. */
    Optional<Attribute> lookupByNavigation(String navigation) {
        return all.values().stream()
                .filter(a -> navigation.equals(a.navigationName()))
                .findFirst();
    }

    /** The attributes the schema may change: all but {@code id} and the stamps. */
    List<Attribute> declared() {
        return declared;
    }

    static boolean isSystem(String attributeName) {
        return attributeName.equals(ID)
                || STAMPS.stream().anyMatch(a -> a.name().equals(attributeName));
    }

    /** Stamps and the key are the server's: clients echoing them back are not in error, the values are ignored. */
    static boolean isStamp(String attributeName) {
        return !attributeName.equals(ID) && isSystem(attributeName);
    }

    EntitySet withDeclared(List<Attribute> newDeclared) {
        return new EntitySet(name, title, newDeclared);
    }

    @Override
    public String toString() {
        return name;
    }
}
