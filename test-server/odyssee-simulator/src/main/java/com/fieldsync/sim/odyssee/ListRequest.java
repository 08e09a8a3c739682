package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Comparisons;
import com.fieldsync.sim.common.QueryStrings;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A list call's query options and the page it answers. The server pages everything, {@value #PAGE_SIZE} rows a
 * page; {@code $top} caps the whole result (so it can only make a page smaller); the next page is reached through
 * an opaque {@code @odata.nextLink} that repeats the options plus a {@code $skiptoken} (an offset into the result,
 * so rows added or re-stamped between pages shift it, as they do with the real offset-paging service).
 */
final class ListRequest {
    static final int PAGE_SIZE = 20;

    static final String FILTER = "$filter";
    static final String SELECT = "$select";
    static final String ORDERBY = "$orderby";
    static final String TOP = "$top";
    static final String SKIP = "$skip";
    static final String SKIPTOKEN = "$skiptoken";
    private static final Set<String> OPTIONS = Set.of(FILTER, SELECT, ORDERBY, TOP, SKIP, SKIPTOKEN);

    private final ControllerDef def;
    private final Map<String, String> options;
    private final Predicate<JsonObject> filter;
    private final Comparator<JsonObject> order;
    private final List<FieldDef> select;
    private final int top;
    private final int skip;
    private final int skiptoken;

    private ListRequest(ControllerDef def, Map<String, String> options) {
        this.def = def;
        this.options = options;
        this.filter = options.containsKey(FILTER) ? FilterParser.parse(def, options.get(FILTER)) : row -> true;
        this.order = options.containsKey(ORDERBY) ? orderBy(options.get(ORDERBY)) : null;
        this.select = options.containsKey(SELECT) ? select(options.get(SELECT)) : listed(def);
        this.top = count(TOP, Integer.MAX_VALUE);
        this.skip = count(SKIP, 0);
        this.skiptoken = count(SKIPTOKEN, 0);
    }

    /** Reads the raw query string; 400 for an unknown or repeated {@code $} option or a bad value. */
    static ListRequest parse(ControllerDef def, String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        QueryStrings.forEachPair(rawQuery, ApiException::badRequest, (name, raw) -> {
            String value = raw.trim();
            if (!name.startsWith("$")) {
                return; // plain parameters are not query options; ASP.NET ignores them too
            }
            if (!OPTIONS.contains(name)) {
                throw ApiException.badRequest("unsupported query option '" + name + "'");
            }
            if (options.put(name, value) != null) {
                throw ApiException.badRequest("query option '" + name + "' given twice");
            }
        });
        options.values().removeIf(String::isEmpty);
        return new ListRequest(def, options);
    }

    /** The page this request asks for, out of all the controller's rows (in insertion order). */
    JsonObject page(List<JsonObject> rows, String listUrl) {
        // a stable sort: rows that tie on the order keys keep insertion order, so pages never overlap
        List<JsonObject> result = rows.stream().filter(filter).collect(Collectors.toCollection(ArrayList::new));
        if (order != null) {
            result.sort(order);
        }
        int from = Math.min(skip, result.size());
        int to = (int) Math.min((long) from + top, result.size());
        List<JsonObject> window = result.subList(from, to);

        int pageFrom = Math.min(skiptoken, window.size());
        int pageTo = Math.min(pageFrom + PAGE_SIZE, window.size());
        JsonArrayBuilder value = Json.createArrayBuilder();
        window.subList(pageFrom, pageTo).forEach(row -> value.add(Rows.project(row, select)));

        JsonObjectBuilder page = Json.createObjectBuilder().add("value", value);
        if (pageTo < window.size()) {
            page.add("@odata.nextLink", nextLink(listUrl, pageTo));
        }
        return page.build();
    }

    private String nextLink(String listUrl, int nextSkiptoken) {
        StringBuilder link = new StringBuilder(listUrl);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!option.getKey().equals(SKIPTOKEN)) {
                link.append(separator)
                        .append(option.getKey())
                        .append('=')
                        .append(QueryStrings.encode(option.getValue()));
                separator = '&';
            }
        }
        return link.append(separator)
                .append(SKIPTOKEN)
                .append('=')
                .append(nextSkiptoken)
                .toString();
    }

    private Comparator<JsonObject> orderBy(String text) {
        Comparator<JsonObject> comparator = null;
        for (String clause : text.split(",")) {
            String[] words = clause.trim().split("\\s+");
            if (words.length == 0 || words.length > 2 || words[0].isEmpty()) {
                throw ApiException.badRequest("invalid $orderby clause '" + clause.trim() + "'");
            }
            FieldDef field = field(words[0], ORDERBY);
            boolean descending = false;
            if (words.length == 2) {
                String direction = words[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw ApiException.badRequest("invalid $orderby direction '" + words[1] + "': asc or desc");
                }
                descending = direction.equals("desc");
            }
            Comparator<JsonObject> key =
                    Comparator.comparing(row -> field.type().comparable(row.get(field.name())), Comparisons::compare);
            key = descending ? key.reversed() : key;
            comparator = comparator == null ? key : comparator.thenComparing(key);
        }
        return comparator;
    }

    private List<FieldDef> select(String text) {
        List<FieldDef> fields = new ArrayList<>();
        for (String name : text.split(",")) {
            if (name.trim().equals("*")) {
                return all(def);
            }
            fields.add(field(name.trim(), SELECT));
        }
        return fields;
    }

    private FieldDef field(String name, String option) {
        return def.field(name)
                .orElseThrow(() ->
                        ApiException.badRequest("unknown field '" + name + "' in " + option + " for " + def.name()));
    }

    private int count(String option, int absent) {
        return QueryStrings.count(option, options.get(option), absent, ApiException::badRequest);
    }

    private static List<FieldDef> listed(ControllerDef def) {
        List<FieldDef> fields = new ArrayList<>();
        def.fields().forEach(field -> {
            if (field.isListed()) {
                fields.add(field);
            }
        });
        return fields;
    }

    private static List<FieldDef> all(ControllerDef def) {
        List<FieldDef> fields = new ArrayList<>();
        def.fields().forEach(fields::add);
        return fields;
    }
}
