package com.fieldsync.dynamics;

/**
 * Receives a sync packet from {@link SyncPacketReader#read} as it is read, one row at a time, so that a packet of any
 * size is processed with the memory of one row. Calls come in document order. An exception thrown by the handler
 * stops the reading and reaches the caller of {@code read} unchanged.
 */
@FunctionalInterface
public interface RowHandler {

    /** One complete row of {@code table}; the reader keeps no reference to it. */
    void row(String table, SyncPacket.Row row);

    /**
     * The packet's {@code salesmancode}, when it has one: in XML before any table; in JSON where the member stands (the
     * assumed shape and the writers put it first, but JSON does not order members).
     */
    default void salesmanCode(String salesmanCode) {}

    /** A table begins; its rows follow. Also called for a table with no rows, and again for a table given twice. */
    default void table(String table) {}
}
