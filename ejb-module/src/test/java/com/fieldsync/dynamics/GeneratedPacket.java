package com.fieldsync.dynamics;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A sync packet produced on the fly, row after row, never held whole: one table {@code Customer} of {@code rows}
 * insert rows of one fixed length, so that where each row ends in the stream is known. Counts what it delivered, so
 * a test can tell how far ahead of the rows handed over the reader has read.
 */
final class GeneratedPacket extends InputStream {
    static final String SALESMAN = "S01";
    static final String TABLE = "Customer";

    private final PacketFormat format;
    private final long rows;
    private final byte[] header;
    private final byte[] footer;
    private final int rowLength;
    private byte[] chunk;
    private int position;
    private long nextRow;
    private boolean footerDone;
    private long delivered;

    GeneratedPacket(PacketFormat format, long rows) {
        this.format = format;
        this.rows = rows;
        this.header = utf8(
                format == PacketFormat.XML
                        ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NavMobileSync salesmancode=\"" + SALESMAN
                                + "\"><table tablename=\"" + TABLE + "\">\n"
                        : "{\"salesmancode\":\"" + SALESMAN + "\",\"tables\":[{\"tablename\":\"" + TABLE
                                + "\",\"rows\":[");
        this.footer = utf8(format == PacketFormat.XML ? "</table></NavMobileSync>\n" : "]}]}\n");
        this.rowLength = row(0).length;
        this.chunk = header;
    }

    /** A packet of at least {@code bytes} bytes. */
    static GeneratedPacket ofSize(PacketFormat format, long bytes) {
        long rowLength = new GeneratedPacket(format, 0).rowLength;
        return new GeneratedPacket(format, bytes / rowLength + 1);
    }

    /** The value of field {@code Name} in row {@code k}, as read back. */
    static String name(long k) {
        return String.format("Smith & \"Sons\" <%010d>", k);
    }

    /** The value of {@code DMS_ROWID} in row {@code k}. */
    static String rowId(long k) {
        return String.format("%010d", k);
    }

    long rows() {
        return rows;
    }

    /** The bytes handed out so far. */
    long delivered() {
        return delivered;
    }

    /** The position in the stream just after row {@code k}. */
    long endOfRow(long k) {
        return header.length + (k + 1) * rowLength;
    }

    private byte[] row(long k) {
        String id = rowId(k);
        if (format == PacketFormat.XML) {
            return utf8("<r status=\"insert\"><DMS_ROWID>" + id + "</DMS_ROWID><No>C" + id
                    + "</No><Name>Smith &amp; \"Sons\" &lt;" + id + "&gt;</Name><state>0</state></r>\n");
        }
        return utf8((k == 0 ? "\n " : "\n,") + "{\"status\":\"insert\",\"fields\":{\"DMS_ROWID\":\"" + id
                + "\",\"No\":\"C" + id + "\",\"Name\":\"Smith & \\\"Sons\\\" <" + id + ">\",\"state\":\"0\"}}");
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (nextRow < rows) {
                chunk = row(nextRow++);
            } else if (!footerDone) {
                chunk = footer;
                footerDone = true;
            } else {
                return -1;
            }
            position = 0;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        delivered += n;
        return n;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
