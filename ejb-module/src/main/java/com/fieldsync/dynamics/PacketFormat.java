package com.fieldsync.dynamics;

import java.util.Locale;
import java.util.Optional;

/** The two formats of a sync packet's content, named on the wire ({@code packetType}) {@code xml} and {@code json}. */
public enum PacketFormat {
    XML,
    JSON;

    /** {@code xml} or {@code json}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text} in any case; empty for anything else. */
    public static Optional<PacketFormat> of(String text) {
        for (PacketFormat format : values()) {
            if (format.wireName().equalsIgnoreCase(text)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
