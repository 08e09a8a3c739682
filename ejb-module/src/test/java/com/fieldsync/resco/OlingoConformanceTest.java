package com.fieldsync.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.inbound.FeedException;
import com.fieldsync.resco.OlingoAccountService.Account;
import com.fieldsync.resco.OlingoAccountService.Seen;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RescoReader} and {@link CsdlModel} against an OData v4 server nobody here wrote: Apache
 * Olingo's server library in an embedded Jetty. Olingo parses the URLs the reader builds and writes
 * the pages, service document and {@code $metadata} the reader reads, so passing here means the
 * reader speaks standard OData, not just whatever our own Resco simulator accepts.
 */
class OlingoConformanceTest {

    /** The instant 250 rows share: more than two pages, all tied on {@code modifiedon}. */
    private static final Instant BURST = Instant.parse("2024-03-01T10:00:00Z");

    private static final int BURST_SIZE = 250;

    /** Earlier rows, close together down to the nanosecond, for the {@code ge} boundary. */
    private static final Instant EARLY = Instant.parse("2024-02-01T08:00:00Z");

    private static final long[] EARLY_NANOS = {
        0L,
        1_000_000_000L,
        1_000_000_001L,
        1_499_999_999L,
        1_500_000_000L,
        1_500_001_000L,
        2_000_000_000L,
        3_000_000_000L
    };

    private static final String SELECT = "id,name,modifiedon,versionnumber";

    /** A name with what a query string or a URI template could mangle: quote, &, #, +, %, braces, non-ASCII. */
    private static final String ODD_NAME = "O'Brien & Söhne #2 {50% +1}";

    private static List<Account> accounts;
    private static OlingoAccountService service;
    private static Server server;
    private static Client client;
    private static RescoReader reader;

    @BeforeAll
    static void start() throws Exception {
        List<Account> all = new ArrayList<>();
        for (int i = 0; i < EARLY_NANOS.length; i++) {
            all.add(new Account(
                    UUID.nameUUIDFromBytes(("early-" + i).getBytes(StandardCharsets.UTF_8)),
                    i == 0 ? ODD_NAME : "early " + i,
                    EARLY.plusNanos(EARLY_NANOS[i]),
                    i));
        }
        for (int i = 0; i < BURST_SIZE; i++) {
            all.add(new Account(
                    UUID.nameUUIDFromBytes(("burst-" + i).getBytes(StandardCharsets.UTF_8)),
                    "burst " + i,
                    BURST,
                    1000 + i));
        }
        accounts = List.copyOf(all);
        service = new OlingoAccountService(accounts);

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(service.servlet()), "/odata/*");
        server.setHandler(context);
        server.start();

        client = ClientBuilder.newClient();
        reader = new RescoReader(client, "http://127.0.0.1:" + connector.getLocalPort() + "/odata/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void forgetRequests() {
        service.requests().clear();
        service.filters().clear();
    }

    @Test
    void pagesOfRowsTiedOnModifiedonAreReadCompletelyByFollowingTheNextLinksVerbatim() throws FeedException {
        String filter = "modifiedon ge " + BURST; // as RescoFeed.fetch builds it
        List<RescoReader.Page> pages = readAll(filter);

        assertEquals(
                List.of(OlingoAccountService.PAGE_SIZE, OlingoAccountService.PAGE_SIZE, 50),
                pages.stream().map(p -> p.rows().size()).toList(),
                "server-driven pages");
        assertNull(pages.get(pages.size() - 1).nextLink(), "the last page has no nextLink");

        List<String> ids = new ArrayList<>();
        for (RescoReader.Page page : pages) {
            for (JsonObject row : page.rows()) {
                ids.add(row.getString("id"));
                assertEquals(BURST, Instant.parse(row.getString("modifiedon")), row.toString());
            }
        }
        assertEquals(BURST_SIZE, ids.size(), "rows read");
        assertEquals(BURST_SIZE, new HashSet<>(ids).size(), "no row twice");
        assertEquals(idsModifiedFrom(BURST), new HashSet<>(ids), "exactly the rows of the burst");
        assertEquals(ids.stream().sorted().toList(), ids, "in $orderby order (modifiedon, then id), across pages");

        // one request per page; each after the first is the previous page's nextLink, byte for byte
        List<Seen> seen = service.requests();
        assertEquals(pages.size(), seen.size(), "requests: " + seen);
        for (int i = 1; i < pages.size(); i++) {
            URI link = URI.create(pages.get(i - 1).nextLink());
            assertTrue(link.getRawQuery().contains("$skiptoken="), link.toString());
            assertEquals(link.getRawPath(), seen.get(i).rawPath(), "path of request " + (i + 1));
            assertEquals(link.getRawQuery(), seen.get(i).rawQuery(), "query of request " + (i + 1));
        }
        // and Olingo decoded the first request's $filter to exactly what the reader was given
        assertEquals(filter, service.filters().get(0));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-01T08:00:02Z", // whole seconds: Instant.toString leaves the fraction out
                "2024-02-01T08:00:01.500Z", // milliseconds
                "2024-02-01T08:00:01.500001Z", // microseconds, as Java 17's clock gives on Linux
                "2024-02-01T08:00:01.000000001Z" // nanoseconds
            })
    void theModifiedonFilterTheReaderSendsIsStandardODataAndSelectsTheLaterRows(String text) throws FeedException {
        Instant from = Instant.parse(text);
        assertEquals(text, from.toString(), "the literal is what RescoFeed would send for this instant");
        String filter = "modifiedon ge " + from;

        Set<String> ids = new HashSet<>();
        for (RescoReader.Page page : readAll(filter)) {
            for (JsonObject row : page.rows()) {
                assertTrue(ids.add(row.getString("id")), "row twice: " + row);
            }
        }

        Set<String> expected = idsModifiedFrom(from);
        assertEquals(expected, ids);
        // the boundary is really exercised: a row at exactly `from` is in, one just before is out
        assertTrue(accounts.stream().anyMatch(a -> a.modifiedon().equals(from)), "a row exactly at " + from);
        assertTrue(expected.size() > BURST_SIZE && expected.size() < accounts.size(), "some, not all, early rows");
        assertEquals(List.of(filter), service.filters().subList(0, 1), "what Olingo parsed");
    }

    @Test
    void aFilterLiteralWithReservedCharactersReachesOlingoIntact() throws FeedException {
        String filter = "name eq '" + ODD_NAME.replace("'", "''") + "'";
        RescoReader.Page page = reader.page("account", "id,name", filter, null, null);

        assertEquals(List.of(filter), service.filters(), "what Olingo decoded and parsed");
        assertEquals(1, page.rows().size(), page.rows().toString());
        assertEquals(ODD_NAME, page.rows().get(0).getString("name"));
        assertNull(page.nextLink());
    }

    @Test
    void getReturnsTheRecordAndEmptyForAGuidTheServiceDoesNotHave() throws FeedException {
        Account known = accounts.get(3);
        Optional<JsonObject> row = reader.get("account", known.id().toString(), "id,name,versionnumber");
        assertTrue(row.isPresent());
        assertEquals(known.id().toString(), row.get().getString("id"));
        assertEquals(known.name(), row.get().getString("name"));
        assertEquals(
                known.versionnumber(), row.get().getJsonNumber("versionnumber").longValue());
        assertNull(row.get().get("modifiedon"), "$select honoured: " + row.get());

        UUID missing = UUID.nameUUIDFromBytes("nobody".getBytes(StandardCharsets.UTF_8));
        assertTrue(accounts.stream().noneMatch(a -> a.id().equals(missing)));
        assertEquals(Optional.empty(), reader.get("account", missing.toString(), null));
        assertEquals(
                "/odata/account(" + missing + ")", service.requests().get(1).rawPath());
    }

    @Test
    void serviceDocumentAndMetadataWrittenByOlingoAreUnderstood() throws FeedException {
        assertEquals(List.of("account"), reader.entitySets());

        byte[] metadata = reader.metadata();
        String xml = new String(metadata, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<EntityContainer") && xml.contains("<EntitySet"), xml);

        CsdlModel model = CsdlModel.parse(metadata);
        assertEquals(Set.of("account"), model.entitySets().keySet());
        Map<String, String> properties = model.properties("account").orElseThrow();
        assertEquals(
                Map.of(
                        "id", "Edm.Guid",
                        "name", "Edm.String",
                        "modifiedon", "Edm.DateTimeOffset",
                        "versionnumber", "Edm.Int64"),
                properties);
    }

    /** The first page for {@code filter}, then every nextLink until there is none. */
    private static List<RescoReader.Page> readAll(String filter) throws FeedException {
        List<RescoReader.Page> pages = new ArrayList<>();
        RescoReader.Page page = reader.page("account", SELECT, filter, RescoFeed.ORDER, null);
        pages.add(page);
        while (page.nextLink() != null) {
            assertTrue(pages.size() < 20, "nextLinks do not end");
            page = reader.page("account", SELECT, filter, RescoFeed.ORDER, page.nextLink());
            pages.add(page);
        }
        return pages;
    }

    private static Set<String> idsModifiedFrom(Instant from) {
        Set<String> ids = new HashSet<>();
        for (Account a : accounts) {
            if (!a.modifiedon().isBefore(from)) {
                ids.add(a.id().toString());
            }
        }
        return ids;
    }
}
