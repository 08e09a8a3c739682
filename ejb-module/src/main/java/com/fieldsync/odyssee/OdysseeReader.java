package com.fieldsync.odyssee;

import com.fieldsync.config.Settings;
import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.Replies;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.odyssee.api.ListPage;
import com.fieldsync.odyssee.api.OdysseeApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Odyssee for the export feeds: pages (following {@code @odata.nextLink} as given, only to the
 * configured origin so the credentials never go elsewhere), single rows and file contents. Every
 * failure becomes a {@link FeedException} saying what and why; nothing is retried here, the feed's
 * next pass is the retry.
 */
@ApplicationScoped
public class OdysseeReader {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** A bound on one listing, so a platform that keeps linking cannot hold a feed forever. */
    private static final int MAX_PAGES = 1_000;

    @Inject
    Settings settings;

    @Inject
    OdysseeClients clients;

    /** One page: the first of the listing when {@code nextLink} is null, else the linked one. */
    public ListPage page(String controller, String filter, String select, String orderby, String nextLink)
            throws FeedException {
        OdysseeSettings s = usable();
        try {
            if (nextLink == null) {
                try (Response r = clients.client(s).list(controller, filter, select, orderby, null)) {
                    return read(r, controller);
                }
            }
            URI link = URI.create(nextLink);
            URI base = URI.create(s.url());
            if (!Replies.sameOrigin(link, base)) {
                throw new FeedException(
                        "refusing to follow @odata.nextLink to another origin than " + OdysseeSettings.URL + ": "
                                + link.getScheme() + "://" + link.getHost()
                                + (link.getPort() < 0 ? "" : ":" + link.getPort()),
                        false,
                        null);
            }
            try (Response r = clients.links(s)
                    .target(link)
                    .request(MediaType.APPLICATION_JSON)
                    .get()) {
                return read(r, controller);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        } catch (IllegalArgumentException e) {
            throw new FeedException("malformed @odata.nextLink from Odyssee: " + e.getMessage(), false, null);
        }
    }

    /** Every row of a listing, all pages. */
    public List<Map<String, Object>> all(String controller, String filter, String select, String orderby)
            throws FeedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            ListPage page = page(controller, filter, select, orderby, next);
            rows.addAll(page.value);
            next = page.nextLink;
            if (++pages > MAX_PAGES) {
                throw new FeedException(
                        "Odyssee listed more than " + MAX_PAGES + " pages of " + controller + " for " + filter,
                        false,
                        null);
            }
        } while (next != null);
        return rows;
    }

    /** One row by id; empty if Odyssee has none (404). */
    public Optional<Map<String, Object>> get(String controller, String id) throws FeedException {
        return object(controller + "/" + id, api -> api.get(controller, id));
    }

    /** The bytes of a {@code DbFile} ({@code GET api/DbFile/{id}/content}); empty if the file is gone. */
    public Optional<byte[]> content(String fileId) throws FeedException {
        Optional<Map<String, Object>> file = object("DbFile/" + fileId + "/content", api -> api.fileContent(fileId));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Object content = file.get().get("content");
        try {
            return Optional.of(Base64.getDecoder().decode(content == null ? "" : content.toString()));
        } catch (IllegalArgumentException e) {
            throw new FeedException("Odyssee sent DbFile " + fileId + " content that is not base64", false, null);
        }
    }

    private Optional<Map<String, Object>> object(String what, Function<OdysseeApi, Response> call)
            throws FeedException {
        OdysseeSettings s = usable();
        try (Response r = call.apply(clients.client(s))) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            String body = body(r, what);
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = JSONB.fromJson(body, Map.class);
                return Optional.ofNullable(row);
            } catch (JsonbException e) {
                throw unreadable(what, e);
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /** A column as text ("" when absent), numbers without trailing zeros. */
    public static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }

    /** A numeric column (0 when absent). */
    public static BigDecimal number(Map<String, Object> row, String column) throws FeedException {
        Object v = row.get(column);
        if (v == null) {
            return BigDecimal.ZERO;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new FeedException("Odyssee sent " + column + " = '" + v + "', not a number", false, null);
        }
    }

    private OdysseeSettings usable() throws FeedException {
        OdysseeSettings s = OdysseeSettings.from(settings);
        if (s.problem().isPresent()) {
            throw new FeedException("not configured: " + s.problem().get(), false, null);
        }
        return s;
    }

    private static ListPage read(Response r, String what) throws FeedException {
        String body = body(r, what);
        try {
            ListPage page = JSONB.fromJson(body, ListPage.class);
            if (page == null || page.value == null) {
                throw new FeedException("Odyssee's list of " + what + " has no 'value' array", false, null);
            }
            return page;
        } catch (JsonbException e) {
            throw unreadable(what, e);
        }
    }

    private static String body(Response r, String what) throws FeedException {
        int status = r.getStatus();
        if (status < 200 || status >= 300) {
            Outcome outcome = OdysseeErrors.outcome(r);
            if (outcome instanceof Outcome.AuthFailed auth) {
                throw new FeedException(auth.message(), true, null);
            }
            if (outcome instanceof Outcome.Transient t) {
                throw new FeedException("reading " + what + ": " + t.message(), false, t.retryAfter());
            }
            throw new FeedException(
                    "reading " + what + ": HTTP " + status + " " + ((Outcome.Rejected) outcome).message(), false, null);
        }
        try {
            return r.readEntity(String.class);
        } catch (ProcessingException | IllegalStateException e) {
            throw new FeedException(
                    "reading " + what + ": answer cut short (" + Replies.describe(e) + ")", false, null);
        }
    }

    private static FeedException unreachable(ProcessingException e) {
        return new FeedException("Odyssee unreachable: " + Replies.describe(e), false, null);
    }

    private static FeedException unreadable(String what, JsonbException e) {
        return new FeedException(
                "Odyssee's answer for " + what + " is not the JSON expected: " + Replies.describe(e), false, null);
    }
}
