package com.fieldsync.dynamics;

/**
 * The content is not a sync packet this connector can take: not well-formed, not the format, a DOCTYPE, or larger
 * than the limit. The message says what and where (line and column when known). The packet is to be quarantined, not
 * retried as is: reading it again gives the same answer.
 */
public class PacketException extends Exception {

    private static final long serialVersionUID = 1L;

    public PacketException(String message) {
        super(message);
    }

    public PacketException(String message, Throwable cause) {
        super(message, cause);
    }
}
