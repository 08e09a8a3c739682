package com.fieldsync.resco;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the mapping with what the service says it has. Each problem names the entity set and
 * attribute, and the ERP field that needs it, so an admin knows what to fix on which side.
 */
final class Drift {

    private static final Set<String> NUMBERS =
            Set.of("Edm.Decimal", "Edm.Double", "Edm.Single", "Edm.Int16", "Edm.Int32", "Edm.Int64");

    private Drift() {}

    static List<String> problems(RescoMapping mapping, List<String> serviceSets, CsdlModel model, boolean inbound) {
        List<String> problems = new ArrayList<>();
        for (RescoMapping.EntityMap m : mapping.entities().values()) {
            String set = m.entitySet();
            if (!serviceSets.contains(set)) {
                problems.add("Resco has no entity set '" + set + "' (mapped for " + m.type()
                        + "): it is missing from the service document");
                continue;
            }
            Map<String, String> properties = model.properties(set).orElse(null);
            if (properties == null) {
                problems.add("Resco's $metadata has no entity type for entity set '" + set + "' (mapped for " + m.type()
                        + ")");
                continue;
            }
            check(problems, set, properties, "id", Set.of("Edm.Guid"), "the record id");
            if (inbound) {
                check(problems, set, properties, "modifiedon", Set.of("Edm.DateTimeOffset"), "reading changes back");
                check(
                        problems,
                        set,
                        properties,
                        "versionnumber",
                        Set.of("Edm.Int64", "Edm.Int32", "Edm.Decimal"),
                        "reading changes back");
            }
            for (RescoMapping.Attr a : m.attributes()) {
                String field = a.kind() == RescoMapping.Kind.KEY ? "the ERP key" : m.type() + "." + a.erpField();
                Set<String> accepted =
                        switch (a.kind()) {
                            case KEY, TEXT -> Set.of("Edm.String");
                            case NUMBER -> NUMBERS;
                            case LOOKUP -> Set.of("Edm.Guid");
                        };
                check(problems, set, properties, a.attribute(), accepted, field);
            }
        }
        return problems;
    }

    private static void check(
            List<String> problems,
            String set,
            Map<String, String> properties,
            String attribute,
            Set<String> accepted,
            String neededFor) {
        String type = properties.get(attribute);
        if (type == null) {
            problems.add("attribute '" + set + "." + attribute + "' (for " + neededFor
                    + ") is missing from Resco's $metadata");
        } else if (!accepted.contains(type)) {
            problems.add("attribute '" + set + "." + attribute + "' is " + type + " in Resco's $metadata; " + neededFor
                    + " needs " + String.join(" or ", accepted.stream().sorted().toList()));
        }
    }
}
