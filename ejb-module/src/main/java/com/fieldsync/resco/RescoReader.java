package com.fieldsync.resco;

import com.fieldsync.connector.Replies;
import com.fieldsync.inbound.FeedException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OData v4 service: pages of an entity set (the first one from a query, the next ones from
 * {@code @odata.nextLink}, followed exactly as given and only to the service's own origin), single
 * records, the service document and {@code $metadata}. A page is parsed as it streams in and only
 * its rows are kept, so memory follows the page size (at most 1000 rows on Resco), never the size of
 * the whole result. Every failure is a {@link FeedException} saying what and why; nothing is retried
 * here. Plain JAX-RS, so it reads any OData v4 service (it is tested on Apache Olingo too).
 */
public final class RescoReader {

    /** {@code $metadata} larger than this is refused rather than read into memory. */
    static final int MAX_METADATA_BYTES = 20 * 1024 * 1024;

    private final Client client;
    private final URI base;

    /**
     * @param client a JAX-RS client that authenticates as the service expects
     * @param baseUrl the service root, ending in {@code /}
     */
    public RescoReader(Client client, String baseUrl) {
        this.client = client;
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** One page of an entity set. */
    public record Page(List<JsonObject> rows, String nextLink) {}

    /**
     * The first page of {@code set} under these query options (null ones are left out) when {@code
     * nextLink} is null, else the page it links to.
     */
    public Page page(String set, String select, String filter, String orderby, String nextLink) throws FeedException {
        WebTarget target;
        if (nextLink == null) {
            target = client.target(base).path(set);
            target = option(target, "$select", select);
            target = option(target, "$filter", filter);
            target = option(target, "$orderby", orderby);
        } else {
            URI link;
            try {
                link = base.resolve(nextLink);
            } catch (IllegalArgumentException e) {
                throw new FeedException("malformed @odata.nextLink from " + set + ": " + e.getMessage(), false, null);
            }
            if (!Replies.sameOrigin(link, base)) {
                throw new FeedException(
                        "refusing to follow @odata.nextLink of " + set + " to another origin than the service: "
                                + link.getScheme() + "://" + link.getHost()
                                + (link.getPort() < 0 ? "" : ":" + link.getPort()),
                        false,
                        null);
            }
            target = client.target(link);
        }
        try (Response r = target.request(MediaType.APPLICATION_JSON).get()) {
            check(r, set);
            return parsePage(r.readEntity(InputStream.class), set);
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** One record of {@code set} with these attributes (null: all), or empty if the service has none with that id. */
    public Optional<JsonObject> get(String set, String id, String select) throws FeedException {
        WebTarget target = option(client.target(base).path(set + "(" + id + ")"), "$select", select);
        try (Response r = target.request(MediaType.APPLICATION_JSON).get()) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            check(r, set + "(" + id + ")");
            try (var reader = Json.createReader(r.readEntity(InputStream.class))) {
                return Optional.of(reader.readObject());
            } catch (JsonException | IllegalStateException e) {
                throw new FeedException(
                        "unreadable answer for " + set + "(" + id + "): " + e.getMessage(), false, null);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The names ({@code url}) of the entity sets the service document lists. */
    public List<String> entitySets() throws FeedException {
        try (Response r =
                client.target(base).request(MediaType.APPLICATION_JSON).get()) {
            check(r, "the service document");
            try (var reader = Json.createReader(r.readEntity(InputStream.class))) {
                List<String> names = new ArrayList<>();
                for (JsonValue v : reader.readObject().getJsonArray("value")) {
                    JsonObject set = v.asJsonObject();
                    String kind = set.getString("kind", "EntitySet");
                    if ("EntitySet".equals(kind)) {
                        names.add(set.getString("url", set.getString("name", "")));
                    }
                }
                return names;
            } catch (JsonException | IllegalStateException | ClassCastException | NullPointerException e) {
                throw new FeedException("unreadable service document: " + e.getMessage(), false, null);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** The {@code $metadata} document's bytes. */
    public byte[] metadata() throws FeedException {
        try (Response r = client.target(base)
                .path("$metadata")
                .request(MediaType.APPLICATION_XML)
                .get()) {
            check(r, "$metadata");
            try (InputStream in = r.readEntity(InputStream.class)) {
                byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
                if (bytes.length > MAX_METADATA_BYTES) {
                    throw new FeedException(
                            "$metadata is larger than " + MAX_METADATA_BYTES + " bytes; not read", false, null);
                }
                return bytes;
            } catch (IOException e) {
                throw unreachable(e);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static WebTarget option(WebTarget target, String name, String value) {
        // Percent-encoded here, a space as %20: Jersey would write it as '+', which OData does not read as a
        // space (Apache Olingo answers 400 to "modifiedon+ge+…"). Passed as an already encoded template value,
        // so braces and percent signs in a filter literal stay literal (they are %7B and %25 by now).
        return value == null
                ? target
                : target.queryParam(name, "{" + name.substring(1) + "}")
                        .resolveTemplateFromEncoded(
                                name.substring(1),
                                URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static void check(Response r, String what) throws FeedException {
        int status = r.getStatus();
        if (Replies.isSuccess(status)) {
            return;
        }
        String message = RescoErrors.message(r);
        boolean auth = status == 401 || status == 403;
        throw new FeedException(
                "reading " + what + " answered HTTP " + status + ": " + message,
                auth,
                status == 429 || status == 503 ? Replies.retryAfter(r) : null);
    }

    /**
     * Reads {@code {"value":[…], "@odata.nextLink": …}} with a streaming parser: rows are built one
     * at a time, other members skipped.
     */
    static Page parsePage(InputStream body, String set) throws FeedException {
        List<JsonObject> rows = new ArrayList<>();
        String next = null;
        try (JsonParser parser = Json.createParser(body)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new FeedException("a page of " + set + " is not a JSON object", false, null);
            }
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String name = parser.getString();
                JsonParser.Event value = parser.next();
                if (name.equals("value") && value == JsonParser.Event.START_ARRAY) {
                    while (parser.next() == JsonParser.Event.START_OBJECT) {
                        rows.add(parser.getObject());
                    }
                } else if (name.equals("@odata.nextLink") && value == JsonParser.Event.VALUE_STRING) {
                    next = parser.getString();
                } else if (value == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                } else if (value == JsonParser.Event.START_OBJECT) {
                    parser.skipObject();
                }
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new FeedException("a page of " + set + " is not valid OData JSON: " + e.getMessage(), false, null);
        }
        return new Page(rows, next);
    }

    /** A string attribute's value, "" when absent or null; other JSON values as their text. */
    static String text(JsonObject row, String attribute) {
        JsonValue v = row.get(attribute);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static FeedException unreachable(Exception e) {
        return new FeedException("Resco unreachable: " + Replies.describe(e), false, null);
    }
}
