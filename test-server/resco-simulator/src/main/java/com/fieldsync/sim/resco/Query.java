package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Comparisons;
import com.fieldsync.sim.common.QueryStrings;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A read's query options and the answer they select. The server pages every list ({@code pageSize} records, 1000 by
 * default as Resco's); {@code $top} caps the whole result, so it can only make the last page smaller. A cut page
 * carries an {@code @odata.nextLink} repeating the options plus a {@code $skiptoken}: an offset into the ordered
 * result, base64-wrapped so that clients treat it as opaque and follow the link verbatim. Being an offset, it shifts
 * when records are added or re-stamped between pages, as offset paging does; ordering by a unique tie-breaker such
 * as {@code id} keeps a frozen result exact.
 */
final class Query {
    static final String FILTER = "$filter";
    static final String SELECT = "$select";
    static final String ORDERBY = "$orderby";
    static final String TOP = "$top";
    static final String SKIP = "$skip";
    static final String EXPAND = "$expand";
    static final String SKIPTOKEN = "$skiptoken";
    static final String COUNT = "$count";
    static final String FORMAT = "$format";
    private static final Set<String> LIST_OPTIONS =
            Set.of(FILTER, SELECT, ORDERBY, TOP, SKIP, EXPAND, SKIPTOKEN, COUNT, FORMAT);
    private static final Set<String> SINGLE_OPTIONS = Set.of(SELECT, EXPAND, FORMAT);
    private static final String TOKEN_PREFIX = "offset:";

    /** Finds the record a lookup names, answered as it would be on its own; null when it is gone. */
    interface Resolver extends BiFunction<Attribute, String, JsonObject> {}

    private final EntitySet set;
    private final Map<String, String> options;
    private final Predicate<JsonObject> filter;
    private final Comparator<JsonObject> order;
    private final List<Attribute> select;
    private final List<Attribute> expand;
    private final int top;
    private final int skip;
    private final int skiptoken;
    private final boolean count;

    private Query(EntitySet set, Map<String, String> options) {
        this.set = set;
        this.options = options;
        this.filter = options.containsKey(FILTER) ? FilterParser.parse(set, options.get(FILTER)) : record -> true;
        this.order = options.containsKey(ORDERBY) ? orderBy(options.get(ORDERBY)) : null;
        this.select = options.containsKey(SELECT) ? select(options.get(SELECT)) : set.attributes();
        this.expand = options.containsKey(EXPAND) ? expand(options.get(EXPAND)) : List.of();
        this.top = count(TOP, Integer.MAX_VALUE);
        this.skip = count(SKIP, 0);
        this.skiptoken = options.containsKey(SKIPTOKEN) ? offset(options.get(SKIPTOKEN)) : 0;
        this.count = bool(COUNT);
        checkFormat();
    }

    /** Reads a list request's raw query string; 400 for an unknown or repeated {@code $} option or a bad value. */
    static Query list(EntitySet set, String rawQuery) {
        return new Query(set, options(rawQuery, LIST_OPTIONS, "a list"));
    }

    /** Reads a single-record request's raw query string: only {@code $select}, {@code $expand}, {@code $format}. */
    static Query single(EntitySet set, String rawQuery) {
        return new Query(set, options(rawQuery, SINGLE_OPTIONS, "a single record"));
    }

    /**
     * The page this request asks for out of {@code records} (answered form, in insertion order).
     *
     * @param listUrl the absolute URL of the entity set, to which the next link adds the options
     */
    JsonObject page(List<JsonObject> records, Resolver resolver, String listUrl, String context, int pageSize) {
        // a stable sort: records that tie on every key keep insertion order, so pages of a frozen result never overlap
        List<JsonObject> result = records.stream().filter(filter).collect(Collectors.toCollection(ArrayList::new));
        if (order != null) {
            result.sort(order);
        }
        int from = Math.min(skip, result.size());
        int to = (int) Math.min((long) from + top, result.size());
        List<JsonObject> window = result.subList(from, to);

        int pageFrom = Math.min(skiptoken, window.size());
        int pageTo = (int) Math.min((long) pageFrom + pageSize, window.size());
        JsonArrayBuilder value = Json.createArrayBuilder();
        window.subList(pageFrom, pageTo).forEach(record -> value.add(project(record, resolver)));

        JsonObjectBuilder page = Json.createObjectBuilder().add("@odata.context", context);
        if (count) {
            page.add("@odata.count", result.size());
        }
        page.add("value", value);
        if (pageTo < window.size()) {
            page.add("@odata.nextLink", nextLink(listUrl, pageTo));
        }
        return page.build();
    }

    /** One record with {@code $select} and {@code $expand} applied; {@code id} and the etag are always there. */
    JsonObject project(JsonObject record, Resolver resolver) {
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add(EntitySet.ETAG, record.get(EntitySet.ETAG))
                .add(EntitySet.ID, record.get(EntitySet.ID));
        for (Attribute attribute : select) {
            out.add(attribute.name(), record.get(attribute.name()));
        }
        for (Attribute lookup : expand) {
            JsonValue target = record.get(lookup.name());
            JsonObject related =
                    target instanceof JsonString ? resolver.apply(lookup, ((JsonString) target).getString()) : null;
            out.add(lookup.navigationName(), related == null ? JsonValue.NULL : related);
        }
        return out.build();
    }

    private String nextLink(String listUrl, int nextOffset) {
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
        String token = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TOKEN_PREFIX + nextOffset).getBytes(StandardCharsets.UTF_8));
        return link.append(separator)
                .append(SKIPTOKEN)
                .append('=')
                .append(token)
                .toString();
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below; NumberFormatException is one too
        }
        throw ODataException.badRequest("invalid $skiptoken '" + token + "': use the @odata.nextLink as given");
    }

    private Comparator<JsonObject> orderBy(String text) {
        Comparator<JsonObject> comparator = null;
        for (String clause : text.split(",")) {
            String[] words = clause.trim().split("\\s+");
            if (words.length > 2 || words[0].isEmpty()) {
                throw ODataException.badRequest("invalid $orderby clause '" + clause.trim() + "'");
            }
            Attribute attribute = attribute(words[0], ORDERBY);
            if (words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc")) {
                throw ODataException.badRequest("invalid $orderby direction '" + words[1] + "': asc or desc");
            }
            // SQL Server's order: nulls first when ascending
            Comparator<JsonObject> key =
                    Comparator.comparing(record -> nullable(record.get(attribute.name())), nullsFirst(attribute));
            if (words.length == 2 && words[1].equals("desc")) {
                key = key.reversed();
            }
            comparator = comparator == null ? key : comparator.thenComparing(key);
        }
        return comparator;
    }

    private static JsonValue nullable(JsonValue value) {
        return value == JsonValue.NULL ? null : value;
    }

    private static Comparator<JsonValue> nullsFirst(Attribute attribute) {
        return Comparator.nullsFirst((a, b) -> Comparisons.compare(
                attribute.type().comparable(a), attribute.type().comparable(b)));
    }

    private List<Attribute> select(String text) {
        List<Attribute> chosen = new ArrayList<>();
        for (String name : text.split(",")) {
            if (name.trim().equals("*")) {
                return set.attributes();
            }
            Attribute attribute = attribute(name.trim(), SELECT);
            if (!attribute.name().equals(EntitySet.ID) && !chosen.contains(attribute)) {
                chosen.add(attribute);
            }
        }
        return chosen;
    }

    private List<Attribute> expand(String text) {
        List<Attribute> lookups = new ArrayList<>();
        for (String raw : text.split(",")) {
            String name = raw.trim();
            if (name.contains("(") || name.contains("/")) {
                throw ODataException.badRequest(
                        "$expand '" + name + "': nested options and paths are not supported, only lookup names");
            }
            Attribute lookup = set.lookupByNavigation(name)
                    .orElseThrow(() -> ODataException.badRequest("$expand: '" + name + "' is not a lookup of "
                            + set.name() + " (expand a lookup __x_id by the name x)"));
            if (!lookups.contains(lookup)) {
                lookups.add(lookup);
            }
        }
        return lookups;
    }

    private Attribute attribute(String name, String option) {
        return set.attribute(name)
                .orElseThrow(() -> ODataException.badRequest(
                        "unknown attribute '" + name + "' in " + option + " for " + set.name()));
    }

    private int count(String option, int absent) {
        return QueryStrings.count(option, options.get(option), absent, ODataException::badRequest);
    }

    private boolean bool(String option) {
        String text = options.get(option);
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ODataException.badRequest("invalid " + option + " '" + text + "': true or false");
    }

    private void checkFormat() {
        String format = options.get(FORMAT);
        if (format != null && !format.equals("json") && !format.startsWith("application/json")) {
            throw ODataException.badRequest("$format '" + format + "' is not supported: JSON only");
        }
    }

    private static Map<String, String> options(String rawQuery, Set<String> allowed, String what) {
        Map<String, String> options = new LinkedHashMap<>();
        QueryStrings.forEachPair(rawQuery, ODataException::badRequest, (name, raw) -> {
            String value = raw.trim();
            if (!name.startsWith("$")) {
                return; // custom query options are not system query options; OData services ignore them
            }
            if (!allowed.contains(name)) {
                throw ODataException.badRequest(
                        "the query option '" + name + "' is not supported on " + what + " request");
            }
            if (options.put(name, value) != null) {
                throw ODataException.badRequest("the query option '" + name + "' is given twice");
            }
        });
        options.values().removeIf(String::isEmpty);
        return options;
    }
}
