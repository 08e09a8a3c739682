package com.fieldsync.dynamics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole sync packet in memory ("Synchronization Packet Format", remote-apis.md section 3): for one salesman,
 * tables by name, each a list of rows in packet order. For small packets; large ones are read row by row with {@link
 * SyncPacketReader#read} and written with {@link SyncPacketWriter#open}. In XML:
 *
 * <pre>{@code
 * <NavMobileSync salesmancode="S01">
 *   <table tablename="Customer"><r status="insert"><DMS_ROWID>7</DMS_ROWID><No>C1</No></r></table>
 * </NavMobileSync>
 * }</pre>
 *
 * and in JSON (the assumed shape):
 *
 * <pre>{@code
 * {"salesmancode":"S01","tables":[{"tablename":"Customer","rows":[{"status":"insert","fields":{"No":"C1"}}]}]}
 * }</pre>
 *
 * @param salesmanCode the {@code salesmancode}, or null when the packet has none
 * @param tables table name to its rows, in packet order (unmodifiable)
 */
public record SyncPacket(String salesmanCode, Map<String, List<Row>> tables) {

    /** The built-in field holding a row's key on the platform. */
    public static final String ROW_ID = "DMS_ROWID";

    /** The built-in field holding a row's state on the platform. */
    public static final String STATE = "state";

    public SyncPacket {
        Map<String, List<Row>> copy = new LinkedHashMap<>();
        tables.forEach((name, rows) -> copy.put(Objects.requireNonNull(name, "table name"), List.copyOf(rows)));
        tables = Collections.unmodifiableMap(copy);
    }

    /** The rows of {@code table}, empty when the packet has no such table. */
    public List<Row> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    /** The number of rows over all tables. */
    public long rowCount() {
        return tables.values().stream().mapToLong(List::size).sum();
    }

    /** A builder of a packet for {@code salesmanCode} (null: none). */
    public static Builder builder(String salesmanCode) {
        return new Builder(salesmanCode);
    }

    /**
     * One row ({@code <r>}): its status and its fields, name to text value, in packet order. A field the packet does
     * not carry is absent ({@link #field} answers null); an empty element is the empty string. The built-in {@code
     * DMS_ROWID} and {@code state} are ordinary fields.
     *
     * @param status what the row asks for
     * @param fields the fields present (unmodifiable); a null value given to the constructor leaves the field out
     */
    public record Row(RowStatus status, Map<String, String> fields) {
        public Row {
            Objects.requireNonNull(status, "status");
            Map<String, String> copy = new LinkedHashMap<>();
            fields.forEach((name, value) -> {
                if (value != null) {
                    copy.put(Objects.requireNonNull(name, "field name"), value);
                }
            });
            fields = Collections.unmodifiableMap(copy);
        }

        /**
         * A row from name/value pairs; a null value leaves the field out.
         *
         * @throws IllegalArgumentException when names and values do not come in pairs
         */
        public static Row of(RowStatus status, String... namesAndValues) {
            if (namesAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("names and values must come in pairs");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return new Row(status, fields);
        }

        /** The value of field {@code name}, or null when the row does not carry it. */
        public String field(String name) {
            return fields.get(name);
        }

        /** The {@code DMS_ROWID} field, or null. */
        public String rowId() {
            return fields.get(ROW_ID);
        }

        /** The {@code state} field, or null. */
        public String state() {
            return fields.get(STATE);
        }
    }

    /** Builds a packet; tables keep the order they were first named in. */
    public static final class Builder {
        private final String salesmanCode;
        private final Map<String, List<Row>> tables = new LinkedHashMap<>();

        private Builder(String salesmanCode) {
            this.salesmanCode = salesmanCode;
        }

        /** Names a table, so that it appears (possibly empty) at this position. */
        public Builder table(String table) {
            tables.computeIfAbsent(Objects.requireNonNull(table, "table"), name -> new ArrayList<>());
            return this;
        }

        /** Adds {@code row} to {@code table}. */
        public Builder row(String table, Row row) {
            tables.computeIfAbsent(Objects.requireNonNull(table, "table"), name -> new ArrayList<>())
                    .add(Objects.requireNonNull(row, "row"));
            return this;
        }

        /** Adds a row from name/value pairs to {@code table} (see {@link Row#of}). */
        public Builder row(String table, RowStatus status, String... namesAndValues) {
            return row(table, Row.of(status, namesAndValues));
        }

        public SyncPacket build() {
            return new SyncPacket(salesmanCode, tables);
        }
    }
}
