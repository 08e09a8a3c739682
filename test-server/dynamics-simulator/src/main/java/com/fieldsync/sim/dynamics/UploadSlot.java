package com.fieldsync.sim.dynamics;

import java.time.Instant;

/**
 * An upload slot handed out by {@code GET …push/{appArea}/{mobileUser}}: its {@code uploadUrl} accepts {@code PUT}s
 * of exactly {@code size} bytes until {@code expiresAt}.
 *
 * @param syncLogId the {@code syncLogId} answered, new for every slot
 * @param appArea the application area, upper-case
 * @param mobileUser the mobile user the packet is for
 * @param packetUniqueId the connector's id of the packet
 * @param format the {@code packetType} asked for
 * @param size the declared size in bytes
 * @param uploadUrl the {@code uploadPath} answered
 * @param expiresAt from then on a {@code PUT} is refused (403) and a new slot is needed
 */
public record UploadSlot(
        String syncLogId,
        String appArea,
        String mobileUser,
        String packetUniqueId,
        PacketFormat format,
        long size,
        String uploadUrl,
        Instant expiresAt) {}
