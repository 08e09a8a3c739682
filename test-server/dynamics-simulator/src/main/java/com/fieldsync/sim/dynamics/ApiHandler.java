package com.fieldsync.sim.dynamics;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Exchanges;
import com.fieldsync.sim.common.FaultingHandler;
import com.fieldsync.sim.common.Faults;
import com.fieldsync.sim.common.QueryStrings;
import com.fieldsync.sim.common.SimClock;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * Serves everything outside {@code /_sim/}: plays queued faults, checks {@code x-api-key}, routes the four API calls
 * below the base path and the two storage URLs below {@code /storage/}, and logs each call. Call targets (for the
 * log and fault matching): {@code push}, {@code upload}, {@code pull}, {@code link}, {@code download}, {@code done}.
 * URLs in answers are built from the request's {@code Host}, so they work for whatever name the client used.
 */
final class ApiHandler extends FaultingHandler<Response> {
    static final String STORAGE = "/storage/";
    static final String UPLOAD = "upload";
    static final String DOWNLOAD = "download";

    /** What the handler works with, all owned by the simulator. */
    record Context(
            String basePath,
            AppAreas areas,
            Settings settings,
            Uploads uploads,
            PullQueue queue,
            SimClock clock,
            Faults faults,
            Consumer<Call> log,
            ReadWriteLock settled) {}

    private final Context c;

    ApiHandler(Context context) {
        super(context.faults(), context.log(), context.settled());
        this.c = context;
    }

    /**
     * What {@code path} addresses: {@code push}, {@code pull}, {@code link}, {@code done}, {@code upload}, {@code
     * download}, or null.
     */
    @Override
    protected String target(String path) {
        if (path.startsWith(STORAGE)) {
            String kind = Call.targetOf(path, STORAGE, '/');
            return UPLOAD.equals(kind) || DOWNLOAD.equals(kind) ? kind : null;
        }
        if (!path.startsWith(c.basePath())) {
            return null;
        }
        String[] parts = path.substring(c.basePath().length()).split("/");
        switch (parts[0]) {
            case "push":
                return "push";
            case "pull":
                return parts.length == 3 && (parts[2].equals("link") || parts[2].equals("done")) ? parts[2] : "pull";
            default:
                return null;
        }
    }

    @Override
    protected Response simulatedStatus(int status) {
        return Response.text(status, "simulated " + status);
    }

    @Override
    protected Response simulatedTooManyRequests(long retryAfterSeconds) {
        return Response.text(429, "simulated 429").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    @Override
    protected Response process(Request request) {
        try {
            return route(request);
        } catch (ApiError e) {
            return Response.error(e);
        } catch (RuntimeException e) {
            return Response.text(500, "simulator error: " + e);
        }
    }

    private Response route(Request request) {
        HttpExchange exchange = request.exchange();
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, String> params = params(request.query());
        String server = "http://" + Exchanges.host(exchange) + "/";
        if (rawPath.startsWith(STORAGE)) {
            return storage(request, segments(rawPath.substring(STORAGE.length()), request.path()), params);
        }
        if (!rawPath.startsWith(c.basePath())) {
            throw ApiError.notFound("not a path of this Dynamics Mobile ERP API (" + c.basePath() + "push/…, "
                    + c.basePath() + "pull/…): " + request.path());
        }
        List<String> parts = segments(rawPath.substring(c.basePath().length()), request.path());
        String first = parts.isEmpty() ? "" : parts.get(0);
        String call = "";
        if (first.equals("push") && parts.size() == 3) {
            call = "push";
        } else if (first.equals("pull") && parts.size() == 2) {
            call = "pull";
        } else if (first.equals("pull") && parts.size() == 3) {
            call = "pull/" + parts.get(2);
        }
        switch (call) {
            case "push":
                String pushArea = authorize(exchange, parts.get(1));
                requireMethod(request.method(), "GET");
                return push(pushArea, parts.get(2), params, server);
            case "pull":
                String pullArea = authorize(exchange, parts.get(1));
                requireMethod(request.method(), "GET");
                return pull(pullArea, params);
            case "pull/link":
                String linkArea = authorize(exchange, parts.get(1));
                requireMethod(request.method(), "GET");
                return link(linkArea, params, server);
            case "pull/done":
                String doneArea = authorize(exchange, parts.get(1));
                requireMethod(request.method(), "POST");
                return done(doneArea, params, request.body());
            default:
                throw ApiError.notFound("no such resource: " + request.path());
        }
    }

    /** {@code GET push/{appArea}/{mobileUser}?packetUniqueId=&size=&packetType=}: an upload slot. */
    private Response push(String appArea, String mobileUser, Map<String, String> params, String server) {
        String packetUniqueId = required(params, "packetUniqueId");
        String sizeText = required(params, "size");
        long size;
        try {
            size = Long.parseLong(sizeText);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0) {
            throw ApiError.badRequest("size must be the packet's size in bytes, got '" + sizeText + "'");
        }
        String type = required(params, "packetType");
        PacketFormat format = PacketFormat.of(type)
                .orElseThrow(() -> ApiError.badRequest("packetType must be xml or json, got '" + type + "'"));
        try {
            AppAreas.checkUser(mobileUser);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (c.settings().knownMobileUsersOnly() && !c.areas().knows(appArea, mobileUser)) {
            throw ApiError.notFound("no mobile user '" + mobileUser + "' in application area " + appArea);
        }
        UploadSlot slot = c.uploads()
                .open(
                        appArea,
                        mobileUser,
                        packetUniqueId,
                        format,
                        size,
                        server + STORAGE.substring(1) + UPLOAD + "/",
                        c.clock().now().plus(c.settings().uploadSlotValidity()));
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add("success", true)
                        .add("syncLogId", slot.syncLogId())
                        .add("uploadPath", slot.uploadUrl())
                        .build());
    }

    /** {@code GET pull/{appArea}?packetType=packet|file&format=json|xml}: the next batch, with new receipt handles. */
    private Response pull(String appArea, Map<String, String> params) {
        String type = optional(params, "packetType", "packet", "packet", "file");
        String format = optional(params, "format", "json", "json", "xml");
        List<InboundPacket> listed = c.queue()
                .receive(
                        appArea,
                        type.equals("file"),
                        c.settings().pullBatchSize(),
                        c.clock().now(),
                        c.settings().visibilityTimeout());
        if (format.equals("xml")) {
            StringBuilder xml = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><success>true</success><packets>");
            for (InboundPacket packet : listed) {
                xml.append("<packet>");
                element(xml, "id", packet.id());
                element(xml, "receiptHandle", packet.receiptHandle());
                element(xml, "url", packet.url());
                element(xml, "mobileUser", packet.mobileUser());
                element(xml, "packetType", packet.packetType());
                xml.append("</packet>");
            }
            return Response.xml(200, xml.append("</packets></response>").toString());
        }
        JsonArrayBuilder packets = Json.createArrayBuilder();
        for (InboundPacket packet : listed) {
            packets.add(Json.createObjectBuilder()
                    .add("id", packet.id())
                    .add("receiptHandle", packet.receiptHandle())
                    .add("url", packet.url())
                    .add("mobileUser", packet.mobileUser())
                    .add("packetType", packet.packetType()));
        }
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add("success", true)
                        .add("packets", packets)
                        .build());
    }

    /** {@code GET pull/{appArea}/link?path=}: a temporary download URL as plain text. */
    private Response link(String appArea, Map<String, String> params, String server) {
        String url = c.queue()
                .link(
                        appArea,
                        required(params, "path"),
                        server + STORAGE.substring(1) + DOWNLOAD + "/",
                        c.clock().now(),
                        c.settings().linkValidity());
        return Response.text(200, url);
    }

    /**
     * {@code POST pull/{appArea}/done?format=json|xml}: acknowledges the entries whose receipt handle is current;
     * answers {@code {"success":true}} for any well-formed body, whatever each entry did.
     */
    private Response done(String appArea, Map<String, String> params, String body) {
        String format = optional(params, "format", "json", "json", "xml");
        List<PullQueue.Receipt> receipts = format.equals("xml") ? xmlReceipts(body) : jsonReceipts(body);
        c.queue().done(appArea, receipts, c.clock().now());
        return Response.json(
                200, Json.createObjectBuilder().add("success", true).build());
    }

    private Response storage(Request request, List<String> parts, Map<String, String> params) {
        Instant now = c.clock().now();
        if (parts.size() == 2 && parts.get(0).equals(UPLOAD)) {
            requireMethod(request.method(), "PUT");
            c.uploads()
                    .accept(
                            parts.get(1),
                            params.get("signature"),
                            request.body().getBytes(StandardCharsets.UTF_8),
                            now);
            return Response.empty(200);
        }
        if (parts.size() == 2 && parts.get(0).equals(DOWNLOAD)) {
            requireMethod(request.method(), "GET");
            InboundPacket packet = c.queue().download(parts.get(1), params.get("signature"), now);
            return Response.bytes(200, packet.content(), contentType(packet.packetType()));
        }
        throw ApiError.notFound("no such storage object: " + request.path());
    }

    /** The application area named in the path, upper-case, once {@code x-api-key} is its key; 401 otherwise. */
    private String authorize(HttpExchange exchange, String appArea) {
        String key = exchange.getRequestHeaders().getFirst("x-api-key");
        if (key == null || key.isEmpty()) {
            throw ApiError.unauthorized(
                    "missing x-api-key header: every call needs the api key of the application area");
        }
        if (!c.areas().keyMatches(appArea, key)) {
            throw ApiError.unauthorized("invalid x-api-key for application area '" + appArea + "'");
        }
        return appArea.toUpperCase(Locale.ROOT);
    }

    private static List<PullQueue.Receipt> jsonReceipts(String body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ApiError.badRequest("the body must be a JSON array of {\"id\",\"receiptHandle\"}: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiError.badRequest(
                    "the body must be a JSON array of {\"id\",\"receiptHandle\"}, got " + value.getValueType());
        }
        List<PullQueue.Receipt> receipts = new ArrayList<>();
        for (JsonValue entry : value.asJsonArray()) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT
                    || !(entry.asJsonObject().get("id") instanceof JsonString)
                    || !(entry.asJsonObject().get("receiptHandle") instanceof JsonString)) {
                throw ApiError.badRequest("each entry must be {\"id\":string,\"receiptHandle\":string}, got " + entry);
            }
            receipts.add(new PullQueue.Receipt(
                    entry.asJsonObject().getString("id"), entry.asJsonObject().getString("receiptHandle")));
        }
        return receipts;
    }

    private static List<PullQueue.Receipt> xmlReceipts(String body) {
        Element root;
        try {
            root = SafeXml.parse(body).getDocumentElement();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (!root.getTagName().equals("messages")) {
            throw ApiError.badRequest("the root element must be <messages>, got <" + root.getTagName() + ">");
        }
        List<PullQueue.Receipt> receipts = new ArrayList<>();
        for (Element message : SafeXml.children(root)) {
            String id = SafeXml.childText(message, "id");
            String handle = SafeXml.childText(message, "receiptHandle");
            if (!message.getTagName().equals("message") || id == null || handle == null) {
                throw ApiError.badRequest("each child of <messages> must be <message><id/><receiptHandle/></message>");
            }
            receipts.add(new PullQueue.Receipt(id.strip(), handle.strip()));
        }
        return receipts;
    }

    /** The path's segments, percent-decoded; 404 for an empty segment (a double or leading slash). */
    private static List<String> segments(String rawRest, String path) {
        List<String> segments = new ArrayList<>();
        if (rawRest.isEmpty()) {
            return segments;
        }
        String rest = rawRest.endsWith("/") ? rawRest.substring(0, rawRest.length() - 1) : rawRest;
        for (String raw : rest.split("/", -1)) {
            if (raw.isEmpty()) {
                throw ApiError.notFound("no such resource: " + path);
            }
            // a path segment is percent-encoded only: '+' is a plus, not a space
            segments.add(QueryStrings.decode(raw.replace("+", "%2B"), ApiError::badRequest));
        }
        return segments;
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        QueryStrings.forEachPair(rawQuery, ApiError::badRequest, params::putIfAbsent);
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("the query parameter " + name + " is required");
        }
        return value;
    }

    /** The lower-cased value of an optional parameter among {@code allowed}; absent or empty: {@code absent}. */
    private static String optional(Map<String, String> params, String name, String absent, String... allowed) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw ApiError.badRequest(name + " must be " + String.join(" or ", allowed) + ", got '" + value + "'");
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiError.methodNotAllowed(allowed);
        }
    }

    private static String contentType(String packetType) {
        switch (packetType) {
            case "xml":
                return Response.XML;
            case "json":
                return Response.JSON;
            default:
                return "application/octet-stream";
        }
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(SafeXml.escape(value));
        xml.append("</").append(name).append('>');
    }
}
