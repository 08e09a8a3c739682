package com.fieldsync.sim.resco;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One attribute (column) of an entity set, as {@code $metadata} describes it and writes are validated against it.
 * A lookup is an {@code Edm.Guid} attribute named {@code __<name>_id} that references a record of another entity
 * set; {@code $expand=<name>} nests that record.
 *
 * @param name the attribute's name on the wire
 * @param type its OData type
 * @param maxLength the longest string accepted, for {@link EdmType#STRING} only; null for none
 * @param isRequired whether a record must always have a non-null (and, for strings, non-empty) value
 * @param lookupTarget the referenced entity set for a lookup, otherwise null
 */
public record Attribute(String name, EdmType type, Integer maxLength, boolean isRequired, String lookupTarget) {
    private static final Pattern LOOKUP = Pattern.compile("__([A-Za-z0-9_]+)_id");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Attribute {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an attribute name: " + name);
        }
        if (maxLength != null && (type != EdmType.STRING || maxLength < 1)) {
            throw new IllegalArgumentException(name + ": a MaxLength is a positive length of an Edm.String");
        }
        if (lookupTarget != null
                && (type != EdmType.GUID || !LOOKUP.matcher(name).matches())) {
            throw new IllegalArgumentException(name + ": a lookup is an Edm.Guid named __<name>_id");
        }
    }

    /** An {@code Edm.String} of at most {@code maxLength} characters. */
    public static Attribute string(String name, int maxLength) {
        return new Attribute(name, EdmType.STRING, maxLength, false, null);
    }

    /** An attribute of a type other than string (strings: {@link #string}, lookups: {@link #lookup}). */
    public static Attribute of(String name, EdmType type) {
        return new Attribute(name, type, null, false, null);
    }

    /** A lookup {@code __<name>_id} referencing a record of {@code target}. */
    public static Attribute lookup(String name, String target) {
        return new Attribute(name, EdmType.GUID, null, false, Objects.requireNonNull(target, "target"));
    }

    /** The same attribute, required. */
    public Attribute required() {
        return new Attribute(name, type, maxLength, true, lookupTarget);
    }

    /** The same attribute with another type (and MaxLength, for a string; null for none); a lookup stays one. */
    public Attribute retyped(EdmType newType, Integer newMaxLength) {
        return new Attribute(name, newType, newMaxLength, isRequired, newType == EdmType.GUID ? lookupTarget : null);
    }

    public boolean isLookup() {
        return lookupTarget != null;
    }

    /** For a lookup {@code __parentcustomerid_id}: {@code parentcustomerid}, its {@code $expand} name; else null. */
    public String navigationName() {
        if (!isLookup()) {
            return null;
        }
        Matcher m = LOOKUP.matcher(name);
        return m.matches() ? m.group(1) : null;
    }
}
