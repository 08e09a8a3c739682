package com.fieldsync.sim.dynamics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A simulated mobile user of one application area, scripted by a test: what it sends lands in the area's pull queue
 * as the app's sync would put it there, and what the connector pushed for it is readable. Content is taken as given,
 * so that a test can send sloppy, malformed, hostile (XXE) or huge packets; {@link SyncPacket#builder} makes
 * well-formed ones. Thread-safe.
 */
public final class MobileUser {
    private final DynamicsSimulator sim;
    private final String appArea;
    private final String name;

    MobileUser(DynamicsSimulator sim, String appArea, String name) {
        this.sim = sim;
        this.appArea = appArea;
        this.name = name;
    }

    /** The application area, upper-case. */
    public String appArea() {
        return appArea;
    }

    public String name() {
        return name;
    }

    /** Sends {@code packet} as XML. */
    public InboundPacket send(SyncPacket packet) {
        return send(packet, PacketFormat.XML);
    }

    /** Sends {@code packet} in {@code format}. */
    public InboundPacket send(SyncPacket packet, PacketFormat format) {
        return sendRaw(format, packet.to(format).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends XML text as it is, well-formed or not, encoded as UTF-8. */
    public InboundPacket sendXml(String xml) {
        return sendRaw(PacketFormat.XML, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends JSON text as it is, well-formed or not, encoded as UTF-8. */
    public InboundPacket sendJson(String json) {
        return sendRaw(PacketFormat.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends these bytes as a packet of {@code format}: any encoding, a byte order mark, garbage. */
    public InboundPacket sendRaw(PacketFormat format, byte[] content) {
        Objects.requireNonNull(format, "format");
        return sim.enqueue(appArea, name, format.wireName(), null, Objects.requireNonNull(content, "content"));
    }

    /**
     * Sends a file ({@code packetType=file}), stored under a path ending with {@code fileName}.
     *
     * @throws IllegalArgumentException for a blank name or one with a slash or control character
     */
    public InboundPacket sendFile(String fileName, byte[] content) {
        if (fileName == null
                || fileName.isBlank()
                || fileName.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not a file name: " + fileName);
        }
        return sim.enqueue(appArea, name, InboundPacket.FILE, fileName, Objects.requireNonNull(content, "content"));
    }

    /** Every upload the connector pushed for this user, in arrival order (a retried packet shows twice). */
    public List<Upload> received() {
        return sim.uploads(appArea, name);
    }

    /** The packets pushed for this user, the last upload of each {@code packetUniqueId}, read as sync packets. */
    public List<SyncPacket> receivedPackets() {
        return sim.distinctUploads().stream()
                .filter(upload ->
                        upload.appArea().equals(appArea) && upload.mobileUser().equals(name))
                .map(Upload::packet)
                .toList();
    }

    @Override
    public String toString() {
        return name + "@" + appArea;
    }
}
