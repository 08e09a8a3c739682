package com.fieldsync.sim.dynamics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A packet or file a mobile user sent, waiting in (or gone from) its application area's pull queue, as a snapshot.
 *
 * @param id the {@code id} the pull lists
 * @param appArea the application area, upper-case
 * @param mobileUser the mobile user who sent it
 * @param packetType {@code xml} or {@code json} for a packet, {@code file} for a file: the {@code packetType} the pull
 *     lists
 * @param url the storage path the pull lists as {@code url}, for {@code link?path=}
 * @param fileName the file's name for a file, null for a packet
 * @param content the bytes a download answers (not copied: do not modify)
 * @param enqueuedAt when the mobile user sent it
 * @param receiptHandle the current receipt handle, the only one {@code done} accepts; null until first listed
 * @param deliveries how many pulls listed it
 * @param invisibleUntil until when pulls skip it (the visibility timeout after the last listing); null until listed
 * @param links how many download links were asked for its storage path
 * @param downloads how many downloads succeeded
 * @param doneAt when {@code done} acknowledged it, null while it is still queued
 */
public record InboundPacket(
        String id,
        String appArea,
        String mobileUser,
        String packetType,
        String url,
        String fileName,
        byte[] content,
        Instant enqueuedAt,
        String receiptHandle,
        int deliveries,
        Instant invisibleUntil,
        int links,
        int downloads,
        Instant doneAt) {

    /** The {@code packetType} of files. */
    public static final String FILE = "file";

    public boolean isFile() {
        return FILE.equals(packetType);
    }

    public boolean isDone() {
        return doneAt != null;
    }

    /** Whether a pull at {@code now} lists it: not done, and never listed or its visibility timeout is over. */
    public boolean visibleAt(Instant now) {
        return doneAt == null && (invisibleUntil == null || !now.isBefore(invisibleUntil));
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
