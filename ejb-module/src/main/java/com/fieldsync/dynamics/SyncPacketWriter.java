package com.fieldsync.dynamics;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sync packets as {@code NavMobileSync} XML or in the assumed JSON shape, UTF-8, streaming: a whole {@link
 * SyncPacket} with {@link #write}, or table by table and row by row with {@link #open}, so that a packet of any size
 * is written with the memory of one row. What {@link SyncPacketReader} reads back is what was written, and the
 * Dynamics Mobile simulator reads it too. What XML cannot carry faithfully is refused, not altered (see the package
 * documentation). The stream is not closed: it is the caller's.
 */
public final class SyncPacketWriter {

    /** Field names that are XML element names in any parser: the simulator's rule. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private SyncPacketWriter() {}

    /**
     * Writes {@code packet} to {@code out}, tables and rows in packet order.
     *
     * @throws IllegalArgumentException when {@code format} cannot carry the packet faithfully
     * @throws IOException when writing to {@code out} failed
     */
    public static void write(SyncPacket packet, PacketFormat format, OutputStream out) throws IOException {
        PacketOutput output = open(out, format, packet.salesmanCode());
        for (Map.Entry<String, List<SyncPacket.Row>> table : packet.tables().entrySet()) {
            output.table(table.getKey());
            for (SyncPacket.Row row : table.getValue()) {
                output.row(row);
            }
        }
        output.finish();
    }

    /**
     * {@code packet} in {@code format}, UTF-8 encoded.
     *
     * @throws IllegalArgumentException when {@code format} cannot carry the packet faithfully
     */
    public static byte[] toBytes(SyncPacket packet, PacketFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(packet, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /**
     * Begins a packet for {@code salesmanCode} (null: none) on {@code out}; the packet is complete only after {@link
     * PacketOutput#finish}.
     *
     * @throws IllegalArgumentException when {@code format} cannot carry the salesman code faithfully
     * @throws IOException when writing to {@code out} failed
     */
    public static PacketOutput open(OutputStream out, PacketFormat format, String salesmanCode) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        return format == PacketFormat.XML ? new XmlOutput(out, salesmanCode) : new JsonOutput(out, salesmanCode);
    }

    /**
     * A packet being written: {@link #table} then its rows, table after table, each table once, then {@link
     * #finish}. Deliberately not {@link AutoCloseable}: a packet abandoned halfway through must stay incomplete (not
     * well-formed), never be closed into a well-formed packet missing rows. After an exception, the output is not
     * usable any more. Not thread-safe.
     */
    public abstract static class PacketOutput {
        private final Set<String> tables = new HashSet<>();
        private String table;
        private int rows;
        private boolean finished;
        private boolean failed;

        PacketOutput() {}

        /**
         * Begins table {@code name}, ending the one before.
         *
         * @throws IllegalStateException when the table was already written, or after {@link #finish}
         * @throws IllegalArgumentException when the format cannot carry the name faithfully
         */
        public final void table(String name) throws IOException {
            Objects.requireNonNull(name, "name");
            usable();
            if (name.isBlank()) {
                throw new IllegalArgumentException("a table name must not be blank");
            }
            if (tables.contains(name)) {
                throw new IllegalStateException("table '" + name + "' was already written: each table appears once");
            }
            checkTableName(name);
            failed = true;
            tables.add(name);
            if (table != null) {
                endTable();
            }
            startTable(name);
            table = name;
            rows = 0;
            failed = false;
        }

        /**
         * Writes {@code row} in the current table.
         *
         * @throws IllegalStateException before the first {@link #table}, or after {@link #finish}
         * @throws IllegalArgumentException when the format cannot carry the row faithfully (nothing of it is written)
         */
        public final void row(SyncPacket.Row row) throws IOException {
            Objects.requireNonNull(row, "row");
            usable();
            if (table == null) {
                throw new IllegalStateException("a row before any table");
            }
            checkRow(row, "row " + (rows + 1) + " of table '" + table + "'");
            rows++;
            failed = true;
            writeRow(row);
            failed = false;
        }

        /** Ends the packet and flushes it to the stream, which stays open. */
        public final void finish() throws IOException {
            usable();
            failed = true;
            if (table != null) {
                endTable();
            }
            endPacket();
            finished = true;
            failed = false;
        }

        private void usable() {
            if (finished) {
                throw new IllegalStateException("the packet is finished");
            }
            if (failed) {
                throw new IllegalStateException("the packet is broken by an earlier failure");
            }
        }

        void checkTableName(String name) {
            checkUnicode(name, "table name '" + name + "'");
        }

        void checkRow(SyncPacket.Row row, String where) {
            row.fields().forEach((name, value) -> {
                checkUnicode(name, where + ": field name '" + name + "'");
                checkUnicode(value, where + ": field '" + name + "'");
            });
        }

        abstract void startTable(String name) throws IOException;

        abstract void writeRow(SyncPacket.Row row) throws IOException;

        abstract void endTable() throws IOException;

        abstract void endPacket() throws IOException;
    }

    /** Unpaired surrogates are not text: neither UTF-8 nor any parser keeps them. */
    static void checkUnicode(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " holds an unpaired surrogate " + codePoint(c));
            }
        }
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static final class XmlOutput extends PacketOutput {
        private final XMLStreamWriter xml;

        XmlOutput(OutputStream out, String salesmanCode) throws IOException {
            if (salesmanCode != null) {
                checkAttribute(salesmanCode, "the salesmancode");
            }
            try {
                xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("NavMobileSync");
                if (salesmanCode != null) {
                    xml.writeAttribute("salesmancode", salesmanCode);
                }
            } catch (XMLStreamException e) {
                throw io(e);
            }
        }

        @Override
        void checkTableName(String name) {
            checkAttribute(name, "table name '" + name + "'");
        }

        @Override
        void checkRow(SyncPacket.Row row, String where) {
            row.fields().forEach((name, value) -> {
                if (!FIELD_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(
                            where + ": field name '" + name + "' cannot be an XML element name");
                }
                checkText(value, where + ": field '" + name + "'");
            });
        }

        @Override
        void startTable(String name) throws IOException {
            try {
                xml.writeStartElement("table");
                xml.writeAttribute("tablename", name);
            } catch (XMLStreamException e) {
                throw io(e);
            }
        }

        @Override
        void writeRow(SyncPacket.Row row) throws IOException {
            try {
                xml.writeStartElement("r");
                if (row.status().wireName() != null) {
                    xml.writeAttribute("status", row.status().wireName());
                }
                for (Map.Entry<String, String> field : row.fields().entrySet()) {
                    xml.writeStartElement(field.getKey());
                    writeText(field.getValue());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw io(e);
            }
        }

        /** Escaped by the writer; a carriage return as a reference, or the reader's line-end handling drops it. */
        private void writeText(String value) throws XMLStreamException {
            int start = 0;
            for (int cr = value.indexOf('\r'); cr >= 0; cr = value.indexOf('\r', start)) {
                if (cr > start) {
                    xml.writeCharacters(value.substring(start, cr));
                }
                xml.writeEntityRef("#13");
                start = cr + 1;
            }
            if (start < value.length()) {
                xml.writeCharacters(value.substring(start));
            }
        }

        @Override
        void endTable() throws IOException {
            try {
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw io(e);
            }
        }

        @Override
        void endPacket() throws IOException {
            try {
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.flush();
                xml.close(); // leaves the stream open
            } catch (XMLStreamException e) {
                throw io(e);
            }
        }

        /** Characters XML 1.0 allows, as text or reference. */
        private static void checkText(String text, String what) {
            checkUnicode(text, what);
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                if (!(c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000)) {
                    throw new IllegalArgumentException(what + " holds " + codePoint(c) + ", which XML cannot carry");
                }
                i += Character.charCount(c);
            }
        }

        /** An attribute value's tabs and line ends become spaces when read: refused rather than changed. */
        private static void checkAttribute(String text, String what) {
            checkText(text, what);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\t' || c == '\n' || c == '\r') {
                    throw new IllegalArgumentException(
                            what + " holds " + codePoint(c) + ", which an XML attribute cannot keep");
                }
            }
        }

        private static IOException io(XMLStreamException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
            return cause instanceof IOException io ? io : new IOException("cannot write the packet: " + e, e);
        }
    }

    private static final class JsonOutput extends PacketOutput {
        private final JsonGenerator json;

        JsonOutput(OutputStream out, String salesmanCode) throws IOException {
            if (salesmanCode != null) {
                checkUnicode(salesmanCode, "the salesmancode");
            }
            json = JsonProvider.provider().createGenerator(new KeepOpen(out));
            write(() -> {
                json.writeStartObject();
                if (salesmanCode != null) {
                    json.write("salesmancode", salesmanCode);
                }
                json.writeStartArray("tables");
            });
        }

        @Override
        void startTable(String name) throws IOException {
            write(() -> json.writeStartObject().write("tablename", name).writeStartArray("rows"));
        }

        @Override
        void writeRow(SyncPacket.Row row) throws IOException {
            write(() -> {
                json.writeStartObject();
                if (row.status().wireName() != null) {
                    json.write("status", row.status().wireName());
                }
                json.writeStartObject("fields");
                row.fields().forEach(json::write);
                json.writeEnd().writeEnd();
            });
        }

        @Override
        void endTable() throws IOException {
            write(() -> json.writeEnd().writeEnd());
        }

        @Override
        void endPacket() throws IOException {
            write(() -> {
                json.writeEnd().writeEnd();
                json.close(); // flushes; KeepOpen leaves the stream open
            });
        }

        /** JSON-P reports I/O failures as unchecked {@link JsonException}s. */
        private static void write(Runnable step) throws IOException {
            try {
                step.run();
            } catch (JsonException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
    }

    /** Passes writes through and turns {@code close} into {@code flush}. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
