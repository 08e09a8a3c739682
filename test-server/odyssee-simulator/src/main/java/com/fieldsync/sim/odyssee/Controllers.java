package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.FieldDef.base64;
import static com.fieldsync.sim.odyssee.FieldDef.bool;
import static com.fieldsync.sim.odyssee.FieldDef.decimal;
import static com.fieldsync.sim.odyssee.FieldDef.guid;
import static com.fieldsync.sim.odyssee.FieldDef.ref;
import static com.fieldsync.sim.odyssee.FieldDef.text;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of what the simulator serves: controllers and their columns (remote-apis.md section 1). To serve a
 * new controller or column, add it here; storage, validation, {@code $filter} and paging follow from it.
 */
final class Controllers {
    static final String DB_FILE = "DbFile";

    private static final Map<String, ControllerDef> BY_LOWER_NAME = index(List.of(
            // imported from the ERP: `code` carries the ERP key
            controller(
                    "User",
                    text("code").required().unique(),
                    text("username").required(),
                    text("firstname"),
                    text("lastname")),
            controller(
                    "Company",
                    // empty code = born on mobile, so only non-empty codes are unique
                    text("code").unique(),
                    text("name").required(),
                    text("vat"),
                    text("phone"),
                    text("email"),
                    text("street"),
                    text("zip"),
                    text("city"),
                    text("country")),
            controller("ProjectType", text("code").required().unique(), text("name")),
            controller("ArticleCategory", text("code").required().unique(), text("name")),
            controller(
                    "Project",
                    text("code").required().unique(),
                    text("name"),
                    ref("company_id", "Company").required(),
                    ref("project_type_id", "ProjectType")),
            controller(
                    "Article",
                    text("code").required().unique(),
                    text("description").required(),
                    decimal("price"),
                    ref("article_category_id", "ArticleCategory")),
            // exported to the ERP
            controller(
                    "Jobs",
                    text("reference_back_office"),
                    // a workflow status id, not a row of a served controller
                    guid("job_status_id"),
                    ref("project_id", "Project"),
                    ref("user_id", "User"),
                    text("description")),
            controller("JobApproval", ref("jobs_id", "Jobs").required(), bool("is_daily_approval")),
            controller(
                    "JobPartUsage",
                    ref("jobs_id", "Jobs").required(),
                    ref("article_id", "Article"),
                    decimal("quantity")),
            controller(
                    "JobNonPartUsage",
                    ref("jobs_id", "Jobs").required(),
                    ref("user_id", "User"),
                    // hours
                    decimal("duration")),
            controller(
                    DB_FILE,
                    text("file_name"),
                    text("file_type_name"),
                    text("db_table_name"),
                    guid("id_in_table"),
                    // lists leave the bytes out; GET api/DbFile/{id}/content is the way to them
                    base64("file_content").unlisted())));

    private Controllers() {}

    /** Controller names are matched case-insensitively, like the ASP.NET routing behind Odyssee. */
    static Optional<ControllerDef> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_LOWER_NAME.get(lower(name)));
    }

    static ControllerDef require(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown Odyssee controller '" + name + "'; known: " + BY_LOWER_NAME.values()));
    }

    static Collection<ControllerDef> all() {
        return BY_LOWER_NAME.values();
    }

    private static ControllerDef controller(String name, FieldDef... fields) {
        return new ControllerDef(name, List.of(fields));
    }

    private static Map<String, ControllerDef> index(List<ControllerDef> defs) {
        Map<String, ControllerDef> map = new LinkedHashMap<>();
        defs.forEach(def -> map.put(lower(def.name()), def));
        // a typo in a reference would otherwise surface as a puzzling 422 in some test
        for (ControllerDef def : defs) {
            for (FieldDef field : def.fields()) {
                if (field.isForeignKey() && !map.containsKey(lower(field.references()))) {
                    throw new IllegalStateException(
                            def.name() + "." + field.name() + " references unknown " + field.references());
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
