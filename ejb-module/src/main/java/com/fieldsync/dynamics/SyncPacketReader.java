package com.fieldsync.dynamics;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads sync packets, XML or JSON, from a stream: row by row with {@link #read}, whole with {@link #readAll}. See the
 * package documentation for what is tolerated and what is refused. Stateless and thread-safe.
 *
 * <p>Streaming: the content is parsed with pull parsers (StAX, JSON-P's {@link JsonParser}) and each row is handed to
 * the {@link RowHandler} as soon as its end is read; the reader keeps nothing of a row once handed over, so reading
 * needs the memory of one row whatever the size of the packet. Size: every byte taken from the stream counts against
 * {@code maxBytes}; one more refuses the packet without reading further. The stream is not closed: it is the caller's.
 */
public final class SyncPacketReader {

    /**
     * What {@link #read} saw.
     *
     * @param salesmanCode the packet's {@code salesmancode}, or null when it has none
     * @param tables the number of tables (a table given twice counts twice)
     * @param rows the number of rows handed to the handler
     * @param bytes the number of bytes read from the stream
     */
    public record Summary(String salesmanCode, int tables, long rows, long bytes) {}

    private SyncPacketReader() {}

    /**
     * Reads a packet from {@code in}, handing each row to {@code handler} as it is read.
     *
     * @param maxBytes the most bytes the packet may have, at least 1
     * @throws PacketException when the content is not a sync packet in {@code format} or is larger than {@code
     *     maxBytes}; rows may have been handed over before that, from a packet that is refused as a whole
     * @throws IOException when reading {@code in} failed (not the packet's fault: try again)
     * @throws RuntimeException what the handler threw, unchanged
     */
    public static Summary read(InputStream in, PacketFormat format, long maxBytes, RowHandler handler)
            throws IOException, PacketException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(handler, "handler");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        LimitedInputStream limited = new LimitedInputStream(in, maxBytes);
        Sink sink = new Sink(handler);
        String salesmanCode;
        try {
            InputStream content = skipBomAndBlanks(limited);
            if (content == null) {
                throw new PacketException("the packet is empty");
            }
            salesmanCode = format == PacketFormat.XML ? XmlPacket.read(content, sink) : JsonPacket.read(content, sink);
        } catch (PacketException | IOException e) {
            limited.throwCause(); // the limit or the stream, not the parser's symptom of it
            throw e;
        } catch (HandlerFailure e) {
            throw e.handlerException;
        }
        limited.throwCause();
        return new Summary(salesmanCode, sink.tables, sink.rows, limited.count);
    }

    /**
     * Reads a whole packet into memory: for packets known to be small. A table given twice has its rows merged under
     * its first position.
     *
     * @throws PacketException as {@link #read}
     * @throws IOException as {@link #read}
     */
    public static SyncPacket readAll(InputStream in, PacketFormat format, long maxBytes)
            throws IOException, PacketException {
        Map<String, List<SyncPacket.Row>> tables = new LinkedHashMap<>();
        Summary summary = read(in, format, maxBytes, new RowHandler() {
            @Override
            public void table(String table) {
                tables.computeIfAbsent(table, name -> new ArrayList<>());
            }

            @Override
            public void row(String table, SyncPacket.Row row) {
                tables.computeIfAbsent(table, name -> new ArrayList<>()).add(row);
            }
        });
        return new SyncPacket(summary.salesmanCode(), tables);
    }

    /**
     * The content without a UTF-8 byte order mark and blank space before it, which make it unreadable for a strict
     * parser; null when nothing else is left.
     */
    private static InputStream skipBomAndBlanks(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] start = new byte[3];
        int n = pushback.readNBytes(start, 0, 3);
        if (n < 3 || (start[0] & 0xFF) != 0xEF || (start[1] & 0xFF) != 0xBB || (start[2] & 0xFF) != 0xBF) {
            pushback.unread(start, 0, n);
        }
        int b = pushback.read();
        while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            b = pushback.read();
        }
        if (b < 0) {
            return null;
        }
        pushback.unread(b);
        return pushback;
    }

    private static String where(int line, int column) {
        return line < 0 ? "" : " (line " + line + ", column " + column + ")";
    }

    private static String where(Location location) {
        return location == null ? "" : where(location.getLineNumber(), location.getColumnNumber());
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : where((int) location.getLineNumber(), (int) location.getColumnNumber());
    }

    private static String quoted(String text) {
        String shown = text.strip();
        return "'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "'";
    }

    /** Counts what goes to the handler, and carries the handler's exceptions past the parsers' catch clauses. */
    private static final class Sink {
        private final RowHandler handler;
        private int tables;
        private long rows;

        Sink(RowHandler handler) {
            this.handler = handler;
        }

        void salesmanCode(String salesmanCode) {
            try {
                handler.salesmanCode(salesmanCode);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        void table(String table) {
            tables++;
            try {
                handler.table(table);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }

        void row(String table, SyncPacket.Row row) {
            rows++;
            try {
                handler.row(table, row);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        }
    }

    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException handlerException;

        HandlerFailure(RuntimeException handlerException) {
            super(handlerException);
            this.handlerException = handlerException;
        }
    }

    /**
     * Counts the bytes taken from the caller's stream and refuses more than the limit: at the limit, one more byte
     * read means too large. Remembers why it failed, since parsers wrap I/O errors in their own exceptions. Closing it
     * leaves the caller's stream open.
     */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream source;
        private final long max;
        private long count;
        private boolean exceeded;
        private IOException failure;

        LimitedInputStream(InputStream source, long max) {
            this.source = source;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (exceeded) {
                throw tooLarge();
            }
            if (count == max) {
                if (fromSource(buffer, offset, 1) < 0) {
                    return -1;
                }
                exceeded = true;
                throw tooLarge();
            }
            int n = fromSource(buffer, offset, (int) Math.min(length, max - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(source.available(), max - count);
        }

        @Override
        public void close() {
            // the caller's stream is the caller's to close
        }

        private int fromSource(byte[] buffer, int offset, int length) throws IOException {
            try {
                return source.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        private IOException tooLarge() {
            return new IOException("more than " + max + " bytes");
        }

        void throwCause() throws PacketException, IOException {
            if (exceeded) {
                throw new PacketException(
                        "the packet is larger than the limit of " + max + " bytes; refused after reading " + count);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** NavMobileSync XML, pulled with the JDK's own StAX implementation, DOCTYPEs refused. */
    private static final class XmlPacket {
        private final XMLStreamReader xml;
        private final Sink sink;

        private XmlPacket(XMLStreamReader xml, Sink sink) {
            this.xml = xml;
            this.sink = sink;
        }

        static String read(InputStream in, Sink sink) throws PacketException {
            XMLStreamReader xml;
            try {
                xml = factory().createXMLStreamReader(in);
            } catch (XMLStreamException e) {
                throw notWellFormed(e);
            }
            try {
                return new XmlPacket(xml, sink).packet();
            } catch (XMLStreamException e) {
                throw notWellFormed(e);
            } catch (HandlerFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PacketException("cannot read the packet as XML: " + e, e);
            } finally {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing held that needs releasing; the stream is the caller's
                }
            }
        }

        private static XMLInputFactory factory() {
            // the JDK's implementation, whatever else the class path holds: its security settings are known
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
                throw new XMLStreamException("external entities are not read: " + systemId);
            });
            return factory;
        }

        private static PacketException notWellFormed(XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            int detail = message.indexOf("Message: ");
            if (detail >= 0) {
                message = message.substring(detail + "Message: ".length());
            }
            return new PacketException("not well-formed XML" + where(e.getLocation()) + ": " + message, e);
        }

        String packet() throws XMLStreamException, PacketException {
            int event = xml.getEventType();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (!xml.hasNext()) {
                    throw fail("no <NavMobileSync> element");
                }
                event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw fail("a DOCTYPE is not allowed in a sync packet (no DTDs, no entities)");
                }
            }
            String root = xml.getLocalName();
            if (!root.equalsIgnoreCase("NavMobileSync")) {
                throw fail("the root element is <" + root + ">, not <NavMobileSync>");
            }
            String salesmanCode = attribute("salesmancode", "<NavMobileSync>");
            if (salesmanCode != null) {
                sink.salesmanCode(salesmanCode);
            }
            while (true) {
                event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (element.equalsIgnoreCase("table")) {
                        table();
                    } else if (element.equalsIgnoreCase("r")) {
                        throw fail("a row <" + element + "> outside a <table>");
                    } else {
                        throw fail("unexpected element <" + element + "> in <NavMobileSync>, where tables belong");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                } else {
                    other(event, "in <NavMobileSync>");
                }
            }
            while (xml.hasNext()) {
                event = xml.next();
                if (event != XMLStreamConstants.END_DOCUMENT) {
                    other(event, "after </NavMobileSync>");
                }
            }
            return salesmanCode;
        }

        private void table() throws XMLStreamException, PacketException {
            String name = attribute("tablename", "a <table>");
            if (name == null || name.isBlank()) {
                throw fail("a <table> without tablename");
            }
            sink.table(name);
            int rows = 0;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (!element.equalsIgnoreCase("r")) {
                        throw fail(
                                "unexpected element <" + element + "> in table '" + name + "', where rows <r> belong");
                    }
                    row(name, ++rows);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                } else {
                    other(event, "in table '" + name + "'");
                }
            }
        }

        private void row(String table, int number) throws XMLStreamException, PacketException {
            String row = "row " + number + " of table '" + table + "'";
            String status = attribute("status", row);
            RowStatus rowStatus = RowStatus.fromWire(status)
                    .orElseThrow(() ->
                            fail(row + ": unknown status " + quoted(status) + " (insert, update, delete or none)"));
            Map<String, String> fields = new LinkedHashMap<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String field = xml.getLocalName();
                    String at = where(xml.getLocation());
                    if (fields.putIfAbsent(field, text(row, field)) != null) {
                        throw new PacketException(row + ": field <" + field + "> given twice" + at);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    sink.row(table, new SyncPacket.Row(rowStatus, fields));
                    return;
                } else {
                    other(event, "in " + row + ", where fields belong");
                }
            }
        }

        private String text(String row, String field) throws XMLStreamException, PacketException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text
                            .append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        // not part of the value
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString();
                    }
                    case XMLStreamConstants.START_ELEMENT -> throw fail(row + ": field <" + field
                            + "> holds an element <" + xml.getLocalName() + ">; a field holds text");
                    default -> other(event, "in field <" + field + "> of " + row);
                }
            }
        }

        /** Blank text, comments and processing instructions pass; anything else has no place here. */
        private void other(int event, String place) throws PacketException {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    String text = xml.getText();
                    if (!text.isBlank()) {
                        throw fail("text " + quoted(text) + " " + place);
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // ignorable
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw fail("an entity reference &" + xml.getLocalName()
                        + "; " + place + ": only the predefined entities are allowed");
                case XMLStreamConstants.DTD -> throw fail("a DOCTYPE is not allowed in a sync packet");
                default -> throw fail("unexpected XML event " + event + " " + place);
            }
        }

        /** The attribute named {@code name} in any case, or null. */
        private String attribute(String name, String owner) throws PacketException {
            String value = null;
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String prefix = xml.getAttributePrefix(i);
                if ((prefix == null || prefix.isEmpty())
                        && xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                    if (value != null) {
                        throw fail(owner + " has the attribute " + name + " twice, in different cases");
                    }
                    value = xml.getAttributeValue(i);
                }
            }
            return value;
        }

        private PacketException fail(String message) {
            return new PacketException(message + where(xml.getLocation()));
        }
    }

    /** The assumed JSON shape, pulled with JSON-P's streaming parser. */
    private static final class JsonPacket {
        private final JsonParser json;
        private final Sink sink;

        private JsonPacket(JsonParser json, Sink sink) {
            this.json = json;
            this.sink = sink;
        }

        static String read(InputStream in, Sink sink) throws PacketException {
            JsonProvider provider = JsonProvider.provider();
            try (JsonParser json = provider.createParser(in)) {
                return new JsonPacket(json, sink).packet();
            } catch (JsonParsingException e) {
                String message = String.valueOf(e.getMessage());
                throw new PacketException(
                        "not well-formed JSON: " + message + (message.contains("line") ? "" : where(e.getLocation())),
                        e);
            } catch (HandlerFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PacketException("not well-formed JSON: " + e.getMessage(), e);
            }
        }

        String packet() throws PacketException {
            Event event = next("the packet");
            if (event != Event.START_OBJECT) {
                throw fail(
                        "a JSON sync packet is an object {\"salesmancode\":…,\"tables\":[…]}, not " + describe(event));
            }
            String salesmanCode = null;
            boolean sawSalesmanCode = false;
            boolean sawTables = false;
            for (event = next("the packet"); event == Event.KEY_NAME; event = next("the packet")) {
                String member = json.getString();
                if (member.equalsIgnoreCase("salesmancode")) {
                    sawSalesmanCode = twice(sawSalesmanCode, member, "the packet");
                    salesmanCode = scalar("the packet's salesmancode", true);
                    if (salesmanCode != null) {
                        sink.salesmanCode(salesmanCode);
                    }
                } else if (member.equalsIgnoreCase("tables")) {
                    sawTables = twice(sawTables, member, "the packet");
                    Event value = next("the packet");
                    if (value == Event.START_ARRAY) {
                        tables();
                    } else if (value != Event.VALUE_NULL) {
                        throw fail("the packet's tables are " + describe(value) + ", not an array");
                    }
                } else {
                    throw fail("unexpected member '" + member + "' in the packet (salesmancode and tables belong)");
                }
            }
            if (!sawTables) {
                throw fail("the packet has no tables member");
            }
            if (json.hasNext()) {
                json.next();
                throw fail("content after the packet");
            }
            return salesmanCode;
        }

        private void tables() throws PacketException {
            int number = 0;
            for (Event event = next("tables"); event != Event.END_ARRAY; event = next("tables")) {
                number++;
                if (event != Event.START_OBJECT) {
                    throw fail("table " + number + " is " + describe(event)
                            + ", not an object {\"tablename\":…,\"rows\":[…]}");
                }
                table(number);
            }
        }

        private void table(int number) throws PacketException {
            String table = "table " + number;
            String name = null;
            boolean sawRows = false;
            for (Event event = next(table); event == Event.KEY_NAME; event = next(table)) {
                String member = json.getString();
                if (member.equalsIgnoreCase("tablename")) {
                    twice(name != null, member, table);
                    name = scalar(table + "'s tablename", false);
                    if (name == null || name.isBlank()) {
                        throw fail(table + " without tablename");
                    }
                    table = "table '" + name + "'";
                    sink.table(name);
                } else if (member.equalsIgnoreCase("rows")) {
                    sawRows = twice(sawRows, member, table);
                    if (name == null) {
                        throw fail(table + ": its rows come before its tablename (the reader streams rows and needs"
                                + " the table's name first)");
                    }
                    Event value = next(table);
                    if (value == Event.START_ARRAY) {
                        rows(name);
                    } else if (value != Event.VALUE_NULL) {
                        throw fail("the rows of " + table + " are " + describe(value) + ", not an array");
                    }
                } else {
                    throw fail("unexpected member '" + member + "' in " + table + " (tablename and rows belong)");
                }
            }
            if (name == null) {
                throw fail(table + " without tablename");
            }
        }

        private void rows(String table) throws PacketException {
            int number = 0;
            for (Event event = next(table); event != Event.END_ARRAY; event = next(table)) {
                number++;
                if (event != Event.START_OBJECT) {
                    throw fail("row " + number + " of table '" + table + "' is " + describe(event)
                            + ", not an object {\"status\":…,\"fields\":{…}}");
                }
                row(table, number);
            }
        }

        private void row(String table, int number) throws PacketException {
            String row = "row " + number + " of table '" + table + "'";
            String status = null;
            boolean sawStatus = false;
            boolean sawFields = false;
            Map<String, String> fields = new LinkedHashMap<>();
            for (Event event = next(row); event == Event.KEY_NAME; event = next(row)) {
                String member = json.getString();
                if (member.equalsIgnoreCase("status")) {
                    sawStatus = twice(sawStatus, member, row);
                    status = scalar(row + ": status", false);
                } else if (member.equalsIgnoreCase("fields")) {
                    sawFields = twice(sawFields, member, row);
                    Event value = next(row);
                    if (value == Event.START_OBJECT) {
                        fields(row, fields);
                    } else if (value != Event.VALUE_NULL) {
                        throw fail(row + ": fields are " + describe(value) + ", not an object");
                    }
                } else {
                    throw fail("unexpected member '" + member + "' in " + row + " (status and fields belong)");
                }
            }
            String written = status;
            RowStatus rowStatus = RowStatus.fromWire(status)
                    .orElseThrow(() ->
                            fail(row + ": unknown status " + quoted(written) + " (insert, update, delete or none)"));
            sink.row(table, new SyncPacket.Row(rowStatus, fields));
        }

        private void fields(String row, Map<String, String> fields) throws PacketException {
            for (Event event = next(row); event == Event.KEY_NAME; event = next(row)) {
                String field = json.getString();
                if (fields.containsKey(field)) {
                    throw fail(row + ": field '" + field + "' given twice");
                }
                fields.put(field, scalar(row + ": field '" + field + "'", true)); // null: absent
            }
        }

        /** A text value, or null; numbers and booleans as their literal when {@code literals}. */
        private String scalar(String what, boolean literals) throws PacketException {
            Event event = next(what);
            switch (event) {
                case VALUE_STRING:
                    return json.getString();
                case VALUE_NULL:
                    return null;
                case VALUE_NUMBER:
                    if (literals) {
                        return json.getString();
                    }
                    break;
                case VALUE_TRUE:
                    if (literals) {
                        return "true";
                    }
                    break;
                case VALUE_FALSE:
                    if (literals) {
                        return "false";
                    }
                    break;
                default:
                    break;
            }
            throw fail(what + " is " + describe(event) + ", not " + (literals ? "a value" : "a string"));
        }

        private boolean twice(boolean seen, String member, String owner) throws PacketException {
            if (seen) {
                throw fail(owner + ": member '" + member + "' given twice");
            }
            return true;
        }

        private Event next(String inside) throws PacketException {
            if (!json.hasNext()) {
                throw fail("the JSON ends inside " + inside);
            }
            return json.next();
        }

        private static String describe(Event event) {
            return switch (event) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                case KEY_NAME -> "a member name";
                case END_OBJECT -> "the end of an object";
                case END_ARRAY -> "the end of an array";
            };
        }

        private PacketException fail(String message) {
            return new PacketException(message + where(json.getLocation()));
        }
    }
}
