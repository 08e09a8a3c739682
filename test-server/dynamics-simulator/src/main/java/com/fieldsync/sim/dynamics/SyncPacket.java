package com.fieldsync.sim.dynamics;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A sync packet in the platform's "Synchronization Packet Format" (remote-apis.md section 3): for one salesman, tables
 * of rows, each row a status ({@code insert}, {@code update}, {@code delete}) and its fields; a null field is simply
 * absent. In XML:
 *
 * <pre>{@code
 * <NavMobileSync salesmancode="S01">
 *   <table tablename="Customer"><r status="insert"><No>C1</No><Name>Acme</Name></r></table>
 * </NavMobileSync>
 * }</pre>
 *
 * and in JSON (the assumed shape):
 *
 * <pre>{@code
 * {"salesmancode":"S01","tables":[{"tablename":"Customer","rows":[{"status":"insert","fields":{"No":"C1"}}]}]}
 * }</pre>
 *
 * <p>Build well-formed packets for the simulated mobile users with {@link #builder}; read what the connector pushed
 * with {@link #parse}, which reads XML safely (no DOCTYPE, so no entities) and tolerates what real packets do: a byte
 * order mark or blank space before the content, any casing of the {@code salesmancode}, {@code tablename} and {@code
 * status} names, statuses such as {@code inserted}, rows with no status (status null). Field values are text; a JSON
 * number or boolean is read as its literal, a JSON null as absent.
 *
 * @param salesmanCode the {@code salesmancode}, or null when the packet has none
 * @param tables the tables in packet order
 */
public record SyncPacket(String salesmanCode, List<Table> tables) {
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    public SyncPacket {
        tables = List.copyOf(tables);
    }

    /**
     * One {@code <table>}.
     *
     * @param name its {@code tablename}
     * @param rows its rows in packet order
     */
    public record Table(String name, List<Row> rows) {
        public Table {
            Objects.requireNonNull(name, "name");
            rows = List.copyOf(rows);
        }
    }

    /**
     * One {@code <r>}.
     *
     * @param status its status as written ({@code insert}, {@code update}, {@code delete}, or a sloppy variant), null
     *     when it has none
     * @param fields the fields present, in packet order
     */
    public record Row(String status, Map<String, String> fields) {
        public Row {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** A field's value, or null when absent. */
        public String field(String name) {
            return fields.get(name);
        }
    }

    /** A builder of a well-formed packet for {@code salesmanCode} (null: no {@code salesmancode} attribute). */
    public static Builder builder(String salesmanCode) {
        return new Builder(salesmanCode);
    }

    /** The number of rows over all tables. */
    public int rowCount() {
        return tables.stream().mapToInt(table -> table.rows().size()).sum();
    }

    /** The first table named {@code name}. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The packet in {@code format}. */
    public String to(PacketFormat format) {
        return format == PacketFormat.XML ? toXml() : toJson();
    }

    /**
     * The packet as {@code NavMobileSync} XML, with an XML declaration, on one line.
     *
     * @throws IllegalStateException when a field name cannot be an XML element name
     */
    public String toXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><NavMobileSync");
        if (salesmanCode != null) {
            xml.append(" salesmancode=\"").append(SafeXml.escape(salesmanCode)).append('"');
        }
        xml.append('>');
        for (Table table : tables) {
            xml.append("<table tablename=\"")
                    .append(SafeXml.escape(table.name()))
                    .append("\">");
            for (Row row : table.rows()) {
                xml.append("<r");
                if (row.status() != null) {
                    xml.append(" status=\"")
                            .append(SafeXml.escape(row.status()))
                            .append('"');
                }
                xml.append('>');
                row.fields().forEach((name, value) -> {
                    if (!XML_NAME.matcher(name).matches()) {
                        throw new IllegalStateException("field '" + name + "' cannot be an XML element name");
                    }
                    xml.append('<').append(name).append('>');
                    xml.append(SafeXml.escape(value)).append("</").append(name).append('>');
                });
                xml.append("</r>");
            }
            xml.append("</table>");
        }
        return xml.append("</NavMobileSync>").toString();
    }

    /** The packet in the assumed JSON shape; a row without status has no {@code status} member. */
    public String toJson() {
        JsonArrayBuilder tablesJson = Json.createArrayBuilder();
        for (Table table : tables) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (Row row : table.rows()) {
                JsonObjectBuilder fields = Json.createObjectBuilder();
                row.fields().forEach(fields::add);
                JsonObjectBuilder rowJson = Json.createObjectBuilder();
                if (row.status() != null) {
                    rowJson.add("status", row.status());
                }
                rows.add(rowJson.add("fields", fields));
            }
            tablesJson.add(
                    Json.createObjectBuilder().add("tablename", table.name()).add("rows", rows));
        }
        JsonObjectBuilder packet = Json.createObjectBuilder();
        if (salesmanCode != null) {
            packet.add("salesmancode", salesmanCode);
        }
        return packet.add("tables", tablesJson).build().toString();
    }

    /**
     * Reads a packet, XML when its first non-blank character (after any byte order mark) is {@code <}, JSON otherwise.
     *
     * @throws IllegalArgumentException when it is not a readable sync packet
     */
    public static SyncPacket parse(String text) {
        String start = (text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading();
        return parse(text, start.startsWith("<") ? PacketFormat.XML : PacketFormat.JSON);
    }

    /**
     * Reads a packet in {@code format}.
     *
     * @throws IllegalArgumentException when it is not a readable sync packet in that format
     */
    public static SyncPacket parse(String text, PacketFormat format) {
        // a byte order mark or blank lines before the XML declaration make it unreadable for a strict parser
        String content = (text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading();
        return format == PacketFormat.XML ? parseXml(content) : parseJson(content);
    }

    private static SyncPacket parseXml(String text) {
        Element root = SafeXml.parse(text).getDocumentElement();
        if (!root.getTagName().equalsIgnoreCase("NavMobileSync")) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <NavMobileSync>");
        }
        List<Table> tables = new ArrayList<>();
        for (Element table : SafeXml.children(root)) {
            if (!table.getTagName().equalsIgnoreCase("table")) {
                continue;
            }
            String name = SafeXml.attribute(table, "tablename");
            if (name == null) {
                throw new IllegalArgumentException("a <table> without tablename");
            }
            List<Row> rows = new ArrayList<>();
            for (Element row : SafeXml.children(table)) {
                if (row.getTagName().equalsIgnoreCase("r")) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    SafeXml.children(row).forEach(field -> fields.put(field.getTagName(), field.getTextContent()));
                    rows.add(new Row(SafeXml.attribute(row, "status"), fields));
                }
            }
            tables.add(new Table(name, rows));
        }
        return new SyncPacket(SafeXml.attribute(root, "salesmancode"), tables);
    }

    private static SyncPacket parseJson(String text) {
        JsonObject packet;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            packet = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON sync packet: " + e.getMessage());
        }
        List<Table> tables = new ArrayList<>();
        for (JsonValue table : array(packet, "tables")) {
            JsonObject tableJson = object(table, "a table");
            String name = text(member(tableJson, "tablename"));
            if (name == null) {
                throw new IllegalArgumentException("a table without tablename");
            }
            List<Row> rows = new ArrayList<>();
            for (JsonValue row : array(tableJson, "rows")) {
                JsonObject rowJson = object(row, "a row");
                Map<String, String> fields = new LinkedHashMap<>();
                JsonValue fieldsJson = member(rowJson, "fields");
                if (fieldsJson != null && fieldsJson != JsonValue.NULL) {
                    object(fieldsJson, "fields").forEach((field, value) -> {
                        String fieldText = text(value);
                        if (fieldText != null) {
                            fields.put(field, fieldText);
                        }
                    });
                }
                rows.add(new Row(text(member(rowJson, "status")), fields));
            }
            tables.add(new Table(name, rows));
        }
        return new SyncPacket(text(member(packet, "salesmancode")), tables);
    }

    private static List<JsonValue> array(JsonObject object, String name) {
        JsonValue value = member(object, name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("'" + name + "' is not an array");
        }
        return value.asJsonArray();
    }

    private static JsonObject object(JsonValue value, String what) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException(what + " is not an object: " + value);
        }
        return value.asJsonObject();
    }

    /** The member named {@code name} in any case, or null. */
    private static JsonValue member(JsonObject object, String name) {
        JsonValue exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        return object.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString ? ((JsonString) value).getString() : value.toString();
    }

    /** Builds a well-formed packet; tables keep the order they were first named in, each appears once. */
    public static final class Builder {
        private final String salesmanCode;
        private final Map<String, List<Row>> tables = new LinkedHashMap<>();

        private Builder(String salesmanCode) {
            this.salesmanCode = salesmanCode;
        }

        /** An {@code insert} row from name/value pairs; a null value leaves the field out. */
        public Builder insert(String table, String... namesAndValues) {
            return row(table, "insert", pairs(namesAndValues));
        }

        /** An {@code update} row from name/value pairs; a null value leaves the field out. */
        public Builder update(String table, String... namesAndValues) {
            return row(table, "update", pairs(namesAndValues));
        }

        /** A {@code delete} row from name/value pairs (usually just the key). */
        public Builder delete(String table, String... namesAndValues) {
            return row(table, "delete", pairs(namesAndValues));
        }

        /**
         * A row with any status (null: none, a sloppy {@code inserted}…); each value is written as its {@code
         * toString()}, a null value leaves the field out.
         *
         * @throws IllegalArgumentException for a field name that cannot be an XML element name
         */
        public Builder row(String table, String status, Map<String, ?> fields) {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((name, value) -> {
                if (!XML_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("field '" + name + "' cannot be an XML element name");
                }
                if (value != null) {
                    values.put(name, value.toString());
                }
            });
            tables.computeIfAbsent(Objects.requireNonNull(table, "table"), name -> new ArrayList<>())
                    .add(new Row(status, values));
            return this;
        }

        /** Names a table, so that it appears (possibly empty) at this position. */
        public Builder table(String table) {
            tables.computeIfAbsent(Objects.requireNonNull(table, "table"), name -> new ArrayList<>());
            return this;
        }

        public SyncPacket build() {
            List<Table> built = new ArrayList<>();
            tables.forEach((name, rows) -> built.add(new Table(name, rows)));
            return new SyncPacket(salesmanCode, built);
        }

        private static Map<String, String> pairs(String... namesAndValues) {
            if (namesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("names and values must come in pairs");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return fields;
        }
    }
}
