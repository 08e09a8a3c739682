package com.fieldsync.sim.odyssee;

/**
 * One column of a controller.
 *
 * @param isRequired a missing, empty-string or all-zero-GUID value is refused (400)
 * @param isUnique a non-empty value may appear only once in the controller (422); empty is allowed many times, as
 *     Odyssee does for records born on mobile
 * @param references for a foreign key, the controller whose {@code id} it must name unless it is the zero GUID
 * @param isListed false for heavy columns that lists leave out unless {@code $select} names them
 */
record FieldDef(
        String name, FieldType type, boolean isRequired, boolean isUnique, String references, boolean isListed) {

    static FieldDef text(String name) {
        return new FieldDef(name, FieldType.TEXT, false, false, null, true);
    }

    static FieldDef decimal(String name) {
        return new FieldDef(name, FieldType.DECIMAL, false, false, null, true);
    }

    static FieldDef bool(String name) {
        return new FieldDef(name, FieldType.BOOLEAN, false, false, null, true);
    }

    static FieldDef datetime(String name) {
        return new FieldDef(name, FieldType.DATETIME, false, false, null, true);
    }

    static FieldDef guid(String name) {
        return new FieldDef(name, FieldType.GUID, false, false, null, true);
    }

    static FieldDef base64(String name) {
        return new FieldDef(name, FieldType.BASE64, false, false, null, true);
    }

    /** A foreign key {@code <x>_id} to {@code controller}; the zero GUID means "none". */
    static FieldDef ref(String name, String controller) {
        return new FieldDef(name, FieldType.GUID, false, false, controller, true);
    }

    FieldDef required() {
        return new FieldDef(name, type, true, isUnique, references, isListed);
    }

    FieldDef unique() {
        return new FieldDef(name, type, isRequired, true, references, isListed);
    }

    FieldDef unlisted() {
        return new FieldDef(name, type, isRequired, isUnique, references, false);
    }

    boolean isForeignKey() {
        return references != null;
    }
}
