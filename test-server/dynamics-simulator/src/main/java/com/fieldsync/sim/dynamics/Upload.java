package com.fieldsync.sim.dynamics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A packet the connector pushed: one accepted {@code PUT} to an upload slot. Every upload is kept, so a packet
 * uploaded twice (a retry, a second slot for the same {@code packetUniqueId}) shows as two.
 *
 * @param syncLogId the slot's {@code syncLogId}
 * @param appArea the application area, upper-case
 * @param mobileUser the mobile user it is for
 * @param packetUniqueId the connector's id of the packet
 * @param format the {@code packetType} the slot was asked for
 * @param content the bytes uploaded (the request body read as UTF-8 text, encoded again; not copied: do not modify)
 * @param uploadedAt the simulator's clock when it arrived
 */
public record Upload(
        String syncLogId,
        String appArea,
        String mobileUser,
        String packetUniqueId,
        PacketFormat format,
        byte[] content,
        Instant uploadedAt) {

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /**
     * The content read as a sync packet in the slot's format.
     *
     * @throws IllegalArgumentException when it is not one: the platform would fail to process it
     */
    public SyncPacket packet() {
        return SyncPacket.parse(text(), format);
    }
}
