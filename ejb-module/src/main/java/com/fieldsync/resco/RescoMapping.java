package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import com.fieldsync.erp.EntityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which ERP record kinds go to which Resco entity set, and which ERP field fills which attribute.
 * Configuration, one key per kind ({@code fieldsync.resco.mapping.CUSTOMER}), in the form
 * {@code entityset: attribute=erpField, attribute=erpField, …}; {@code @key} stands for the ERP key.
 * A field that refers to another record (a CONTACT's {@code customer}) fills a lookup attribute with
 * that record's Resco id. {@code fieldsync.resco.types} lists the kinds synchronised at all.
 */
record RescoMapping(Map<EntityType, EntityMap> entities, List<String> problems) {

    static final String TYPES = RescoSettings.PREFIX + "types";
    static final String MAPPING = RescoSettings.PREFIX + "mapping.";
    static final String KEY = "@key";

    /** The mapping used for a kind unless the admin sets its key. */
    static final Map<EntityType, String> DEFAULTS = defaults();

    /** The kind of record each reference field points at. */
    private static final Map<String, EntityType> REFERENCES = Map.of(
            "customer", EntityType.CUSTOMER,
            "project", EntityType.PROJECT,
            "projectType", EntityType.PROJECT_TYPE,
            "category", EntityType.ARTICLE_CATEGORY,
            "technician", EntityType.USER);

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** How an attribute is filled. */
    enum Kind {
        /** The ERP key. */
        KEY,
        /** Text. */
        TEXT,
        /** A number ({@code price}). */
        NUMBER,
        /** The Resco id of the record an ERP reference field names. */
        LOOKUP
    }

    /** One mapped attribute; {@code target} is the referenced kind of a LOOKUP. */
    record Attr(String attribute, String erpField, Kind kind, EntityType target) {}

    /** One ERP kind's entity set and attributes, in configured order. */
    record EntityMap(EntityType type, String entitySet, List<Attr> attributes) {

        Optional<Attr> key() {
            return attributes.stream().filter(a -> a.kind() == Kind.KEY).findFirst();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(entitySet).append(':');
            for (Attr a : attributes) {
                text.append(' ')
                        .append(a.attribute())
                        .append('=')
                        .append(a.kind() == Kind.KEY ? KEY : a.erpField())
                        .append(',');
            }
            text.setLength(text.length() - 1);
            return text.toString();
        }
    }

    static RescoMapping from(Settings s) {
        List<String> problems = new ArrayList<>();
        Map<EntityType, EntityMap> entities = new EnumMap<>(EntityType.class);
        Set<EntityType> listed = EnumSet.noneOf(EntityType.class);
        for (String name :
                s.string(TYPES, "CUSTOMER,CONTACT,ARTICLE,WORK_ORDER").split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            EntityType type;
            try {
                type = EntityType.valueOf(trimmed);
            } catch (IllegalArgumentException e) {
                problems.add(TYPES + " lists '" + name.trim() + "', which is not a record kind (one of "
                        + List.of(EntityType.values()) + ")");
                continue;
            }
            listed.add(type);
            String text = s.string(MAPPING + type.name()).orElse(DEFAULTS.get(type));
            if (text == null) {
                problems.add(MAPPING + type.name() + " is not set: " + type.name()
                        + " has no default Resco entity set; write e.g. 'entityset: attribute=field, …'");
                continue;
            }
            parse(type, text, problems).ifPresent(m -> entities.put(type, m));
        }
        Map<String, EntityType> bySet = new LinkedHashMap<>();
        for (EntityMap m : entities.values()) {
            EntityType other = bySet.putIfAbsent(m.entitySet(), m.type());
            if (other != null) {
                problems.add(MAPPING + other.name() + " and " + MAPPING
                        + m.type().name() + " both map to entity set '" + m.entitySet() + "'; each kind needs its own");
            }
        }
        for (EntityMap m : entities.values()) {
            for (Attr a : m.attributes()) {
                // a listed kind whose own mapping is broken has its problem reported already
                if (a.kind() == Kind.LOOKUP && !listed.contains(a.target())) {
                    problems.add(
                            MAPPING + m.type().name() + " fills " + a.attribute() + " from '" + a.erpField() + "', a "
                                    + a.target() + ", which " + TYPES + " does not list: its Resco id is never known");
                }
            }
        }
        return new RescoMapping(Map.copyOf(entities), List.copyOf(problems));
    }

    static Optional<EntityMap> parse(EntityType type, String text, List<String> problems) {
        String key = MAPPING + type.name();
        int colon = text.indexOf(':');
        String set = colon < 0 ? "" : text.substring(0, colon).trim();
        if (!NAME.matcher(set).matches()) {
            problems.add(
                    key + " must start with the entity set and a colon ('account: name=name, …'), not '" + text + "'");
            return Optional.empty();
        }
        Map<String, Attr> attributes = new LinkedHashMap<>();
        int before = problems.size();
        for (String pair : text.substring(colon + 1).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String attribute = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            String field = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (!NAME.matcher(attribute).matches() || field.isEmpty()) {
                problems.add(key + ": '" + pair.trim() + "' is not 'attribute=erpField'");
                continue;
            }
            if (attribute.equals("id") || attribute.equals("modifiedon") || attribute.equals("versionnumber")) {
                problems.add(key + ": " + attribute + " is kept by Resco and cannot be mapped");
                continue;
            }
            if (attributes.containsKey(attribute)) {
                problems.add(key + " maps " + attribute + " twice");
                continue;
            }
            Attr attr;
            if (field.equals(KEY)) {
                attr = new Attr(attribute, null, Kind.KEY, null);
            } else if (!type.fields().contains(field)) {
                problems.add(key + " maps " + attribute + " from '" + field + "', which is not a field of " + type + " "
                        + type.fields());
                continue;
            } else if (type.references().contains(field)) {
                attr = new Attr(attribute, field, Kind.LOOKUP, REFERENCES.get(field));
            } else {
                attr = new Attr(attribute, field, field.equals("price") ? Kind.NUMBER : Kind.TEXT, null);
            }
            attributes.put(attribute, attr);
        }
        if (attributes.values().stream().filter(a -> a.kind() == Kind.KEY).count() > 1) {
            problems.add(key + " maps " + KEY + " to more than one attribute");
        }
        if (attributes.isEmpty() && problems.size() == before) {
            problems.add(key + " maps no attribute");
        }
        return problems.size() == before
                ? Optional.of(new EntityMap(type, set, List.copyOf(attributes.values())))
                : Optional.empty();
    }

    Optional<EntityMap> of(EntityType type) {
        return Optional.ofNullable(entities.get(type));
    }

    /** The mapping of an entity set, if some kind maps to it. */
    Optional<EntityMap> ofSet(String entitySet) {
        return entities.values().stream()
                .filter(m -> m.entitySet().equals(entitySet))
                .findFirst();
    }

    private static Map<EntityType, String> defaults() {
        Map<EntityType, String> d = new EnumMap<>(EntityType.class);
        d.put(
                EntityType.CUSTOMER,
                "account: accountnumber=@key, name=name, vatid=vat, telephone1=phone, emailaddress1=email,"
                        + " address1_line1=street, address1_postalcode=zip, address1_city=city,"
                        + " address1_country=country");
        d.put(
                EntityType.CONTACT,
                "contact: firstname=firstname, lastname=lastname, emailaddress1=email, telephone1=phone,"
                        + " __parentcustomerid_id=customer");
        d.put(EntityType.ARTICLE, "product: productnumber=@key, name=description, price=price");
        d.put(EntityType.WORK_ORDER, "resco_workorder: name=@key, description=description");
        return Map.copyOf(d);
    }

    @Override
    public String toString() {
        return entities.values().toString();
    }
}
