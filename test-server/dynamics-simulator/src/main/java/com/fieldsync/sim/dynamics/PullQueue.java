package com.fieldsync.sim.dynamics;

import com.fieldsync.sim.common.Guids;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pull side: what mobile users sent, queued per application area in arrival order with SQS-like delivery. A pull
 * lists the visible entries (at most a batch), gives each a new receipt handle and hides it for the visibility
 * timeout; {@code done} with the current handle removes it for good, and anything not done is listed again once
 * visible, with yet another handle. Storage keeps every content under its path, done or not, for download links.
 * Thread-safe.
 */
final class PullQueue {
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Link> links = new HashMap<>();
    private final List<DoneEntry> doneLog = new ArrayList<>();

    /** One {@code {id, receiptHandle}} of a {@code done} body. */
    record Receipt(String id, String receiptHandle) {}

    private record Link(String packetId, String signature, Instant expiresAt) {}

    /**
     * Queues what {@code mobileUser} sent: a packet ({@code fileName} null, {@code packetType} xml or json) stored
     * under {@code push_done/{AREA}/{yyyyMMddHH}/{user}/{id}.{xml|json}}, or a file stored under {@code
     * files/{AREA}/{yyyyMMddHH}/{user}/{id}/{fileName}}.
     */
    synchronized InboundPacket enqueue(
            String appArea, String mobileUser, String packetType, String fileName, byte[] content, Instant now) {
        String id = Guids.random();
        String folder = appArea + "/" + HOUR.format(now) + "/" + mobileUser + "/";
        String url = fileName == null
                ? "push_done/" + folder + id + "." + packetType
                : "files/" + folder + id + "/" + fileName;
        Entry entry = new Entry(id, appArea, mobileUser, packetType, url, fileName, content.clone(), now);
        entries.put(id, entry);
        return entry.snapshot();
    }

    /**
     * A pull of {@code appArea}'s packets, or its files: up to {@code max} visible entries in arrival order, each
     * given a new receipt handle and hidden until {@code now + visibility}.
     */
    synchronized List<InboundPacket> receive(String appArea, boolean files, int max, Instant now, Duration visibility) {
        List<InboundPacket> listed = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (listed.size() == max) {
                break;
            }
            if (entry.appArea.equals(appArea) && entry.isFile() == files && entry.visibleAt(now)) {
                entry.receiptHandle = Tokens.receiptHandle();
                entry.deliveries++;
                entry.invisibleUntil = now.plus(visibility);
                listed.add(entry.snapshot());
            }
        }
        return listed;
    }

    /**
     * A download link for the content at {@code path} in {@code appArea}: {@code urlBase + linkId +
     * "?expires=…&signature=…"}, valid until {@code now + validity}; 404 for a path with nothing stored.
     */
    synchronized String link(String appArea, String path, String urlBase, Instant now, Duration validity) {
        Entry entry = entries.values().stream()
                .filter(candidate -> candidate.appArea.equals(appArea) && candidate.url.equals(path))
                .findFirst()
                .orElseThrow(() ->
                        ApiError.notFound("nothing stored at path '" + path + "' in application area " + appArea));
        String linkId = Guids.random();
        Link link = new Link(entry.id, Tokens.signature(), now.plus(validity));
        links.put(linkId, link);
        entry.links++;
        return urlBase + linkId + "?expires=" + link.expiresAt().getEpochSecond() + "&signature=" + link.signature();
    }

    /** The content behind a download link; 403 for an unknown link, a wrong signature or an expired link. */
    synchronized InboundPacket download(String linkId, String signature, Instant now) {
        Link link = links.get(linkId);
        if (link == null || signature == null || !link.signature().equals(signature)) {
            throw ApiError.forbidden("no download link at this URL, or its signature does not match");
        }
        if (!now.isBefore(link.expiresAt())) {
            throw ApiError.forbidden("the download link expired at " + link.expiresAt() + "; ask for a new one");
        }
        Entry entry = entries.get(link.packetId());
        entry.downloads++;
        return entry.snapshot();
    }

    /** A {@code done} call's entries, applied in order; each outcome is logged and returned. */
    synchronized List<DoneEntry> done(String appArea, List<Receipt> receipts, Instant now) {
        List<DoneEntry> outcomes = new ArrayList<>();
        for (Receipt receipt : receipts) {
            Entry entry = entries.get(receipt.id());
            DoneEntry.Outcome outcome;
            if (entry == null || !entry.appArea.equals(appArea)) {
                outcome = DoneEntry.Outcome.UNKNOWN_ID;
            } else if (entry.doneAt != null) {
                outcome = DoneEntry.Outcome.ALREADY_DONE;
            } else if (entry.receiptHandle == null || !entry.receiptHandle.equals(receipt.receiptHandle())) {
                outcome = DoneEntry.Outcome.STALE_RECEIPT_HANDLE;
            } else {
                entry.doneAt = now;
                outcome = DoneEntry.Outcome.ACKNOWLEDGED;
            }
            DoneEntry done = new DoneEntry(appArea, receipt.id(), receipt.receiptHandle(), outcome, now);
            doneLog.add(done);
            outcomes.add(done);
        }
        return outcomes;
    }

    /** Every entry ever queued, done or not, in arrival order. */
    synchronized List<InboundPacket> all() {
        return entries.values().stream().map(Entry::snapshot).toList();
    }

    synchronized Optional<InboundPacket> find(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::snapshot);
    }

    synchronized List<DoneEntry> doneLog() {
        return List.copyOf(doneLog);
    }

    synchronized void clear() {
        entries.clear();
        links.clear();
        doneLog.clear();
    }

    private static final class Entry {
        final String id;
        final String appArea;
        final String mobileUser;
        final String packetType;
        final String url;
        final String fileName;
        final byte[] content;
        final Instant enqueuedAt;
        String receiptHandle;
        int deliveries;
        Instant invisibleUntil;
        int links;
        int downloads;
        Instant doneAt;

        Entry(
                String id,
                String appArea,
                String mobileUser,
                String packetType,
                String url,
                String fileName,
                byte[] content,
                Instant enqueuedAt) {
            this.id = id;
            this.appArea = appArea;
            this.mobileUser = mobileUser;
            this.packetType = packetType;
            this.url = url;
            this.fileName = fileName;
            this.content = content;
            this.enqueuedAt = enqueuedAt;
        }

        boolean isFile() {
            return fileName != null;
        }

        boolean visibleAt(Instant now) {
            return doneAt == null && (invisibleUntil == null || !now.isBefore(invisibleUntil));
        }

        InboundPacket snapshot() {
            return new InboundPacket(
                    id,
                    appArea,
                    mobileUser,
                    packetType,
                    url,
                    fileName,
                    content,
                    enqueuedAt,
                    receiptHandle,
                    deliveries,
                    invisibleUntil,
                    links,
                    downloads,
                    doneAt);
        }
    }
}
