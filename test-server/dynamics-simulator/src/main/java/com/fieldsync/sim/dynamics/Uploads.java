package com.fieldsync.sim.dynamics;

import com.fieldsync.sim.common.Guids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The push side's storage: the upload slots handed out, each behind a signed URL, and every upload they took. A slot
 * takes any number of {@code PUT}s until it expires, as a presigned storage URL does; each is kept. Thread-safe.
 */
final class Uploads {
    private final Map<String, Slot> slots = new HashMap<>();
    private final List<UploadSlot> issued = new ArrayList<>();
    private final List<Upload> uploads = new ArrayList<>();

    private record Slot(UploadSlot slot, String signature) {}

    /**
     * A new slot whose URL is {@code urlBase + slotId + "?expires=…&signature=…"}.
     *
     * @param urlBase the absolute URL of the upload endpoint, ending with a slash
     */
    synchronized UploadSlot open(
            String appArea,
            String mobileUser,
            String packetUniqueId,
            PacketFormat format,
            long size,
            String urlBase,
            Instant expiresAt) {
        String slotId = Guids.random();
        String signature = Tokens.signature();
        String url = urlBase + slotId + "?expires=" + expiresAt.getEpochSecond() + "&signature=" + signature;
        UploadSlot slot =
                new UploadSlot(Guids.random(), appArea, mobileUser, packetUniqueId, format, size, url, expiresAt);
        slots.put(slotId, new Slot(slot, signature));
        issued.add(slot);
        return slot;
    }

    /**
     * A {@code PUT} of {@code content} to slot {@code slotId}: kept as an upload. Refused with 403 for an unknown slot,
     * a wrong signature or an expired slot, with 400 when the size differs from the declared one.
     */
    synchronized Upload accept(String slotId, String signature, byte[] content, Instant now) {
        Slot found = slots.get(slotId);
        if (found == null || signature == null || !found.signature().equals(signature)) {
            throw ApiError.forbidden("no upload slot at this URL, or its signature does not match");
        }
        UploadSlot slot = found.slot();
        if (!now.isBefore(slot.expiresAt())) {
            throw ApiError.forbidden(
                    "the upload slot expired at " + slot.expiresAt() + "; ask for a new one with GET …push/…");
        }
        if (content.length != slot.size()) {
            throw ApiError.badRequest(
                    "the slot was asked for " + slot.size() + " bytes (size), the upload has " + content.length);
        }
        Upload upload = new Upload(
                slot.syncLogId(),
                slot.appArea(),
                slot.mobileUser(),
                slot.packetUniqueId(),
                slot.format(),
                content,
                now);
        uploads.add(upload);
        return upload;
    }

    synchronized List<UploadSlot> slots() {
        return List.copyOf(issued);
    }

    synchronized List<Upload> all() {
        return List.copyOf(uploads);
    }

    /** The last upload of each {@code packetUniqueId}, in the order of their first uploads. */
    synchronized List<Upload> distinct() {
        Map<String, Upload> last = new LinkedHashMap<>();
        uploads.forEach(upload -> last.put(upload.packetUniqueId(), upload));
        return List.copyOf(last.values());
    }

    synchronized void clear() {
        slots.clear();
        issued.clear();
        uploads.clear();
    }
}
