package com.fieldsync.sim.odyssee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One Odyssee controller (table): its name and columns, {@code id} first and {@code modified_dateutc} last. */
final class ControllerDef {
    static final String ID = "id";
    static final String MODIFIED = "modified_dateutc";

    private final String name;
    private final Map<String, FieldDef> fields;

    ControllerDef(String name, List<FieldDef> declared) {
        this.name = name;
        List<FieldDef> all = new ArrayList<>();
        all.add(FieldDef.guid(ID));
        all.addAll(declared);
        all.add(FieldDef.datetime(MODIFIED));
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        for (FieldDef field : all) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalStateException(name + " declares " + field.name() + " twice");
            }
        }
        this.fields = Collections.unmodifiableMap(byName);
    }

    String name() {
        return name;
    }

    /** All columns in wire order, including {@code id} and {@code modified_dateutc}. */
    Iterable<FieldDef> fields() {
        return fields.values();
    }

    Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    @Override
    public String toString() {
        return name;
    }
}
