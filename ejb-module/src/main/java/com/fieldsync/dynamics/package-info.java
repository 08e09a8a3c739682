/**
 * The Dynamics Mobile connector (remote-apis.md section 3, issue 5): the ERP talks to the mobile users of an
 * application area in sync packets, pushed per mobile user through upload slots and pulled from the platform's queue.
 *
 * <p>This package so far holds the packet format, "Synchronization Packet Format": {@link
 * com.fieldsync.dynamics.SyncPacket} (for one salesman, tables of rows, each row a {@link
 * com.fieldsync.dynamics.RowStatus status} and its text fields, a null field being absent), read by {@link
 * com.fieldsync.dynamics.SyncPacketReader} and written by {@link com.fieldsync.dynamics.SyncPacketWriter}, in {@code
 * NavMobileSync} XML and in the assumed JSON shape. Decisions, in line with the Dynamics Mobile simulator's {@code
 * SyncPacket} (test-server/dynamics-simulator), which reads what the writer writes:
 *
 * <ul>
 *   <li><b>Streaming.</b> Packets may be tens of megabytes: the reader hands rows one at a time to a {@link
 *       com.fieldsync.dynamics.RowHandler} and keeps nothing but the row being read, so memory is bounded by the
 *       largest row; {@link com.fieldsync.dynamics.SyncPacketReader#readAll readAll} builds a whole packet for small
 *       ones. The writer streams too. Rows handed over before a packet turns out to be malformed belong to a refused
 *       packet: apply them in a transaction the {@link com.fieldsync.dynamics.PacketException} rolls back.
 *   <li><b>Safety.</b> Every read has a size limit in bytes, counted on the raw stream. XML is read by the JDK's own
 *       StAX implementation with DTDs and external entities disabled, and any {@code <!DOCTYPE>} is refused, so no
 *       entity is declared, expanded or fetched.
 *   <li><b>Tolerated</b> (real packets are sloppy): any casing of {@code salesmancode}, {@code tablename}, {@code
 *       status} and of the element names {@code NavMobileSync}, {@code table}, {@code r} and of the JSON member names;
 *       statuses in any case, {@code inserted}/{@code updated}/{@code deleted}, with blanks around; a row with no (or a
 *       blank) status is an {@link com.fieldsync.dynamics.RowStatus#UPSERT upsert}; blank space between elements, a
 *       byte order mark or blank space before the content, comments, XML attributes the format does not name
 *       (ignored); in JSON, numbers and booleans as field values (read as their literal text), a null field value
 *       (absent), a null {@code salesmancode}, {@code tables}, {@code rows}, {@code status} or {@code fields}. A table
 *       given twice has its rows in document order for the handler, and merged under its first position by {@code
 *       readAll}.
 *   <li><b>Refused</b> with a {@code PacketException} naming what and where, never skipped: not well-formed input,
 *       a DOCTYPE, another root, an element or text the format has no place for (a row outside a table, an element
 *       inside a field), a table without a name, an unknown status (also {@code upsert}, which the platform does not
 *       write), a field or attribute given twice, a JSON value of the wrong kind, an unknown JSON member, a JSON
 *       packet without {@code tables}, a JSON table whose {@code rows} come before its {@code tablename} (the
 *       reader streams, so it needs the name first; both writers put it first), anything after the packet, more
 *       bytes than the limit. Field values, table names and the salesman code are kept exactly, blanks included.
 *   <li><b>Written</b> as the simulator writes: UTF-8, the XML declaration, each table once, {@code status} in lower
 *       case and left out for an upsert, a {@code salesmancode} left out when null; a carriage return in a value as
 *       {@code &#13;} so that it survives XML's line-end normalisation. What XML cannot carry faithfully is refused
 *       with an {@code IllegalArgumentException} instead of being altered: a field name that is not an XML name,
 *       characters XML 1.0 does not allow, a tab or line end in an attribute value; unpaired surrogates in either
 *       format.
 * </ul>
 */
package com.fieldsync.dynamics;
