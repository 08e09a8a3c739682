package com.fieldsync.it.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.demo.Demo;
import com.fieldsync.demo.ErpClient;
import com.fieldsync.demo.MicroServer;
import com.fieldsync.it.Await;
import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Fault;
import com.fieldsync.sim.resco.Hook;
import com.fieldsync.sim.resco.RescoSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * FieldSync and the demo ERP on Payara Micro against the Resco simulator, both ways: ERP records
 * pushed as OData entities, records edited on Resco read back by polling and by real webhooks,
 * drift in {@code $metadata} stopping the sync, and hooks deleted when FieldSync goes away. Odyssee
 * is switched off, so every call and every booked line here is Resco's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RescoSyncIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String USER = "fieldsync";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static RescoSimulator sim;
    private static MicroServer micro;
    private static ErpClient erp;
    private static String admin;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of("target", "resco-it").toAbsolutePath();
        String password = Demo.secret();
        admin = Demo.secret();
        sim = RescoSimulator.start("127.0.0.1", 0, "fieldsync");
        sim.requireBasicAuth(USER, password);
        int port = Demo.port(18390);
        Map<String, String> config = new HashMap<>();
        config.put("fieldsync.odyssee.enabled", "false");
        config.put("fieldsync.resco.enabled", "true");
        config.put("fieldsync.resco.url", sim.baseUrl());
        config.put("fieldsync.resco.username", USER);
        config.put("fieldsync.resco.password", password);
        config.put("fieldsync.resco.read-timeout-ms", "5000");
        config.put("fieldsync.resco.webhook.callback-url", "http://127.0.0.1:" + port + "/");
        config.put("fieldsync.resco.inbound.start-from", "2000-01-01T00:00:00Z");
        config.put("fieldsync.resco.inbound.look-back-seconds", "60");
        config.put("fieldsync.resco.discovery-interval-seconds", "10");
        config.put("fieldsync.inbound.poll-interval-ms", "300");
        config.put("fieldsync.inbound.nudge-quiet-ms", "1000");
        config.put("fieldsync.retry.initial-delay-ms", "200");
        config.put("fieldsync.retry.max-delay-ms", "2000");
        config.put("fieldsync.auth.probe-interval-ms", "300");
        config.put("fieldsync.dispatch.sweep-interval-ms", "200");
        // an edit soon after a send waits this long in the outbox: long enough that a mobile edit
        // made meanwhile is read while an ERP change of the record is still queued
        config.put("fieldsync.dispatch.coalesce-window-ms", "2000");
        Path postBoot = Demo.writePostBoot(dir, "http://127.0.0.1:9/", "unused", admin, config);
        micro = MicroServer.start(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("artifacts.dir"), "fieldsync-demo.war"),
                port,
                postBoot,
                dir);
        micro.awaitReady(Duration.ofSeconds(180));
        erp = new ErpClient(micro.baseUrl());
        Await.until(
                DELIVERY,
                "FieldSync's webhooks registered on Resco",
                () -> sim.hooks().size() == 8);
    }

    @AfterAll
    static void stop() {
        if (micro != null) {
            micro.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void fresh() throws Exception {
        sim.resumeWebhooks();
        sim.faults().clear();
        erp.failNext(0);
    }

    private static String tag() {
        return "R" + SEQUENCE.incrementAndGet();
    }

    @Test
    @Order(1)
    void erpRecordsArePostedThenPatchedAndAnUnchangedSaveMakesNoCall() throws Exception {
        String t = tag();
        erp.save("customer", "C-" + t, Map.of("name", "Acme " + t, "phone", "555-" + t, "city", "Ghent"));
        erp.save("contact", "P-" + t, Map.of("firstname", "Ann", "lastname", "Lee " + t, "customer", "C-" + t));
        erp.save("article", "A-" + t, Map.of("description", "Pump " + t, "price", "12.50"));
        erp.save("work-order", "W-" + t, Map.of("description", "Fix pump " + t));

        JsonObject account = awaitRecord("account", "accountnumber", "C-" + t);
        assertEquals("Acme " + t, account.getString("name"));
        assertEquals("555-" + t, account.getString("telephone1"));
        assertEquals("Ghent", account.getString("address1_city"));
        JsonObject contact = awaitRecord("contact", "lastname", "Lee " + t);
        assertEquals(account.getString("id"), contact.getString("__parentcustomerid_id"), "the lookup");
        JsonObject product = awaitRecord("product", "productnumber", "A-" + t);
        assertEquals(0, product.getJsonNumber("price").bigDecimalValue().compareTo(new java.math.BigDecimal("12.5")));
        awaitRecord("resco_workorder", "name", "W-" + t);

        String id = account.getString("id");
        erp.save("customer", "C-" + t, Map.of("name", "Acme " + t + " NV", "phone", "555-" + t, "city", "Ghent"));
        Await.until(DELIVERY, "the rename on Resco", () -> sim.record("account", id)
                .map(r -> r.getString("name").equals("Acme " + t + " NV"))
                .orElse(false));
        int patches = patchesOf("account", id);
        assertEquals(1, patches, "one PATCH for the rename");

        // the same values again: FieldSync knows Resco holds them and makes no call
        erp.save("customer", "C-" + t, Map.of("name", "Acme " + t + " NV", "phone", "555-" + t, "city", "Ghent"));
        awaitQuiet();
        assertEquals(patches, patchesOf("account", id), "an unchanged save made a call");
        assertEquals(
                1,
                sim.records("account").stream()
                        .filter(r -> ("C-" + t).equals(text(r, "accountnumber")))
                        .count());
        // and nothing FieldSync pushed came back to the ERP as a mobile change
        assertTrue(mobileChanges(id).isEmpty(), "FieldSync's own push was delivered back: " + mobileChanges(id));
    }

    @Test
    @Order(2)
    void aRecordEditedOnRescoReachesTheErpOnceAndItsResaveMakesNoCall() throws Exception {
        String t = tag();
        erp.save("customer", "C-" + t, Map.of("name", "Mobile " + t));
        String id = awaitRecord("account", "accountnumber", "C-" + t).getString("id");

        JsonObject edited = sim.update(
                "account",
                id,
                Json.createObjectBuilder().add("telephone1", "0470-" + t).build());
        long version = edited.getJsonNumber("versionnumber").longValue();
        List<JsonObject> lines = Await.until(DELIVERY, "the edit booked by the ERP", () -> {
            List<JsonObject> l = mobileChanges(id);
            return l.isEmpty() ? null : l;
        });
        assertEquals(id + "@" + version, lines.get(0).getString("approvalId"));
        assertEquals("0470-" + t, erpField("customer", "C-" + t, "phone"), "the ERP's record took the edit");
        // The ERP saved the record (and told FieldSync): Resco already holds those values.
        awaitQuiet();
        assertEquals(0, patchesOf("account", id), "the ERP's re-save of a mobile edit was pushed back");
        assertEquals(1, mobileChanges(id).size(), "delivered more than once: " + mobileChanges(id));
    }

    @Test
    @Order(2)
    void aMobileEditMadeWhileAnErpChangeOfTheRecordIsQueuedStillReachesTheErp() throws Exception {
        String t = tag();
        List<String> keys = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String key = "Q-" + t + "-" + i;
            keys.add(key);
            erp.save("customer", key, Map.of("name", "Queued " + key));
            ids.put(key, awaitRecord("account", "accountnumber", key).getString("id"));
        }
        for (String key : keys) {
            // rename (sent), then at once an ERP save of a field Resco does not map (queued behind
            // the coalescing window), and a mobile edit meanwhile
            erp.save("customer", key, Map.of("name", "Queued " + key + " renamed"));
            Await.until(DELIVERY, "the rename on Resco", () -> sim.record("account", ids.get(key))
                    .map(r -> r.getString("name").endsWith("renamed"))
                    .orElse(false));
            erp.save("customer", key, Map.of("creditLimit", "1000"));
            sim.update(
                    "account",
                    ids.get(key),
                    Json.createObjectBuilder().add("telephone1", "q-" + key).build());
        }
        for (String key : keys) {
            Await.until(DELIVERY, "the mobile edit of " + key + " in the ERP", () -> ("q-" + key)
                    .equals(erpField("customer", key, "phone")));
        }
        awaitQuiet();
        for (String key : keys) {
            assertEquals(1, mobileChanges(ids.get(key)).size(), key + ": " + mobileChanges(ids.get(key)));
            assertEquals("q-" + key, text(sim.record("account", ids.get(key)).orElseThrow(), "telephone1"));
        }
    }

    @Test
    @Order(3)
    void pagingAcross2500RecordsWithEqualModifiedonAppliesEachOnce() throws Exception {
        sim.pauseWebhooks(); // polling alone: three server pages, two skiptoken links
        Instant at = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        sim.clock().set(at);
        String t = tag();
        Set<String> ids = new HashSet<>();
        sim.clearCalls();
        try {
            for (int i = 0; i < 2_500; i++) {
                ids.add(sim.put(
                                "account",
                                Json.createObjectBuilder()
                                        .add("name", "Bulk " + t + "-" + i)
                                        .add("accountnumber", "B-" + t + "-" + i)
                                        .build())
                        .getString("id"));
            }
        } finally {
            sim.clock().useSystemTime();
        }
        assertEquals(2_500, ids.size());
        assertEquals(
                1,
                sim.records("account").stream()
                        .filter(r -> ids.contains(r.getString("id")))
                        .map(r -> r.getString("modifiedon"))
                        .distinct()
                        .count(),
                "all 2,500 share one modifiedon");
        Map<String, Long> booked = Await.until(Duration.ofSeconds(240), "2,500 records booked", () -> {
            Map<String, Long> perRecord = bookedPerRecord(ids);
            return perRecord.size() == ids.size() ? perRecord : null;
        });
        awaitQuiet();
        booked = bookedPerRecord(ids);
        assertEquals(ids.size(), booked.size());
        assertTrue(booked.values().stream().allMatch(n -> n == 1), "some record booked twice");
        List<Call> skiptokens = sim.calls("GET", "account").stream()
                .filter(c -> c.query() != null && c.query().contains("skiptoken"))
                .toList();
        assertTrue(skiptokens.size() >= 2, "the nextLinks were not followed: " + skiptokens.size());
        sim.resumeWebhooks();
    }

    @Test
    @Order(4)
    void aWebhookWithAWrongSecretIs401AndRecordsNothing() throws Exception {
        Hook hook = hook("account", "Update");
        String good = hook.callbackUrl();
        String bad = good.substring(0, good.lastIndexOf('/') + 1) + "0".repeat(64);
        String t = tag();
        erp.save("customer", "C-" + t, Map.of("name", "Secret " + t));
        String id = awaitRecord("account", "accountnumber", "C-" + t).getString("id");
        sim.awaitWebhooks(Duration.ofSeconds(30));
        awaitQuiet(); // the create's own callback acted on
        long nudgesBefore = nudges("resco.customer");
        assertEquals(0, nudgesBefore);

        HttpResponse<String> wrong = post(bad, "{\"id\":\"" + id + "\"}");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> otherSet = post(good.replace("/account/", "/contact/"), "{\"id\":\"" + id + "\"}");
        assertEquals(401, otherSet.statusCode(), "a secret is only good for its own entity set");
        assertEquals(nudgesBefore, nudges("resco.customer"), "a refused callback was recorded");
        assertEquals(400, post(good, "not json").statusCode());
        assertEquals(400, post(good, "{\"id\": 42}").statusCode());
        assertEquals(202, post(good, "{\"id\":\"" + id + "\"}").statusCode());
    }

    @Test
    @Order(5)
    void aStormOf1000CallbacksFor10RecordsFetchesAndAppliesEachChangeOnce() throws Exception {
        String t = tag();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            erp.save("customer", "S-" + t + "-" + i, Map.of("name", "Storm " + t + "-" + i));
        }
        for (int i = 0; i < 10; i++) {
            ids.add(awaitRecord("account", "accountnumber", "S-" + t + "-" + i).getString("id"));
        }
        awaitQuiet();
        // one real change per record, announced by Resco's own webhooks...
        Map<String, Long> versions = new HashMap<>();
        for (String id : ids) {
            JsonObject edited = sim.update(
                    "account",
                    id,
                    Json.createObjectBuilder().add("telephone1", "storm").build());
            versions.put(id, edited.getJsonNumber("versionnumber").longValue());
        }
        sim.awaitWebhooks(Duration.ofSeconds(30));
        // ...then 1,000 more callbacks for the same records, 100 each, from 16 threads at once
        String url = hook("account", "Update").callbackUrl();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                String id = ids.get(i % ids.size());
                answers.add(
                        pool.submit(() -> post(url, "{\"id\":\"" + id + "\"}").statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(202, a.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Await.until(DELIVERY, "every callback acted on", () -> nudgesUnchecked("resco.customer") == 0);
        awaitQuiet();
        for (String id : ids) {
            List<JsonObject> lines = mobileChanges(id);
            assertEquals(1, lines.size(), id + " applied " + lines.size() + " times");
            assertEquals(id + "@" + versions.get(id), lines.get(0).getString("approvalId"));
        }
        Map<String, Long> fetches = sim.calls("GET", "account").stream()
                .map(Call::path)
                .filter(p -> p.contains("("))
                .map(p -> p.substring(p.indexOf('(') + 1, p.indexOf(')')))
                .filter(ids::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        long total = fetches.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(
                fetches.values().stream().allMatch(n -> n <= 2) && total <= 20,
                "1,010 callbacks should cost about one read per record; reads: " + fetches);
    }

    @Test
    @Order(6)
    void changesMadeWhileTheEndpointIsDownAreCaughtByPolling() throws Exception {
        String t = tag();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            erp.save("customer", "D-" + t + "-" + i, Map.of("name", "Down " + t + "-" + i));
            ids.add(awaitRecord("account", "accountnumber", "D-" + t + "-" + i).getString("id"));
        }
        awaitQuiet();
        sim.pauseWebhooks(); // plays FieldSync's endpoint unreachable: every callback is missed
        int missedBefore = (int)
                sim.webhookDeliveries().stream().filter(d -> !d.delivered()).count();
        for (String id : ids) {
            sim.update(
                    "account",
                    id,
                    Json.createObjectBuilder().add("emailaddress1", t + "@down").build());
        }
        assertTrue(sim.webhookDeliveries().stream().filter(d -> !d.delivered()).count() >= missedBefore + 5);
        for (String id : ids) {
            Await.until(
                    DELIVERY,
                    "the missed change of " + id + " booked",
                    () -> mobileChanges(id).size() == 1);
        }
    }

    @Test
    @Order(7)
    void aCustomerCreatedOnRescoIsCreatedInTheErpOnceAndGetsItsKey() throws Exception {
        String t = tag();
        String id = sim.put(
                        "account",
                        Json.createObjectBuilder().add("name", "Walk-in " + t).build())
                .getString("id");
        String key = Await.until(DELIVERY, "the ERP key written back to Resco", () -> sim.record("account", id)
                .map(r -> text(r, "accountnumber"))
                .filter(k -> !k.isEmpty())
                .orElse(null));
        assertTrue(key.startsWith("MOB-"), key);
        awaitQuiet();
        long created = list("customer").stream()
                .filter(c -> ("Walk-in " + t).equals(text(c, "name")))
                .count();
        assertEquals(1, created, "the mobile customer was created " + created + " times");
        assertEquals(
                1,
                sim.records("account").stream()
                        .filter(r -> ("Walk-in " + t).equals(text(r, "name")))
                        .count(),
                "the key write-back created a second account");
    }

    @Test
    @Order(8)
    void aMissingAttributeMakesTheConnectorNotReadyNamingItAndNothingIsSent() throws Exception {
        sim.schema().drop("contact", "telephone1");
        try {
            JsonObject result = discover();
            String drift = result.getJsonArray("drift").toString();
            assertTrue(drift.contains("contact.telephone1"), drift);
            HttpResponse<String> ready = get(micro.baseUrl() + "health/ready", null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("contact.telephone1"), ready.body());

            String t = tag();
            sim.clearCalls();
            erp.save("customer", "C-" + t, Map.of("name", "Drift " + t));
            Await.until(DELIVERY, "the change queued", () -> openResco() > 0);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) { // a few dispatcher rounds: still nothing written
                assertTrue(
                        sim.calls("POST", "account").isEmpty(), "FieldSync wrote to Resco while its model had drifted");
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            assertTrue(openResco() > 0, "the held change is gone");
        } finally {
            sim.schema().restore();
        }
        discover();
        Await.until(DELIVERY, "ready again", () -> getUnchecked(micro.baseUrl() + "health/ready") == 200);
        String t = tag();
        erp.save("customer", "C-" + t, Map.of("name", "After drift " + t));
        awaitRecord("account", "accountnumber", "C-" + t);
    }

    @Test
    @Order(10)
    void failuresAreRetriedOrDeadLetteredAndNothingIsLostOrDoubled() throws Exception {
        // Out: 503, then 429, then a create Resco applies but never answers (a crash or timeout
        // after sending): retried, then resolved by reading the reserved id, not by a second POST.
        sim.faults().next("POST", "account", Fault.status(503));
        sim.faults().next("POST", "account", Fault.tooManyRequests(1));
        sim.faults().next("POST", "account", Fault.applyThenDrop());
        String t = tag();
        erp.save("customer", "F-" + t, Map.of("name", "Faulty " + t));
        JsonObject account = awaitRecord("account", "accountnumber", "F-" + t);
        awaitQuiet();
        assertEquals(
                1,
                sim.records("account").stream()
                        .filter(r -> ("F-" + t).equals(text(r, "accountnumber")))
                        .count(),
                "one account, however many attempts");
        assertTrue(mobileChanges(account.getString("id")).isEmpty());

        // A record Resco refuses (name longer than its MaxLength 160): dead-lettered with Resco's
        // message, for an admin to fix and replay; nothing is retried blindly.
        String bad = tag();
        erp.save("customer", "F-" + bad, Map.of("name", "x".repeat(161)));
        String letters = Await.until(DELIVERY, "the refusal dead-lettered", () -> {
            String body = getAdmin("api/admin/dead-letters");
            return body.contains("F-" + bad) ? body : null;
        });
        assertTrue(letters.contains("MaxLength"), letters);
        assertTrue(sim.records("account").stream().noneMatch(r -> ("F-" + bad).equals(text(r, "accountnumber"))));

        // Back: the polls fail (500, then a truncated page) while a record is edited on Resco,
        // and webhooks are missed: the feed stops where it is and the edit comes through once.
        sim.pauseWebhooks();
        sim.faults().times(2, "GET", "account", Fault.status(500));
        sim.faults().next("GET", "account", Fault.malformedBody());
        String id = account.getString("id");
        long version = sim.update(
                        "account",
                        id,
                        Json.createObjectBuilder().add("telephone1", "f-" + t).build())
                .getJsonNumber("versionnumber")
                .longValue();
        Await.until(
                DELIVERY,
                "the edit booked despite the failed polls",
                () -> mobileChanges(id).size() == 1);
        awaitQuiet();
        assertEquals(
                List.of(id + "@" + version),
                mobileChanges(id).stream().map(l -> l.getString("approvalId")).toList());
        assertTrue(sim.faults().isEmpty(), "the faults were not all played");
    }

    @Test
    @Order(99)
    void undeployDeletesTheHooks() {
        assertFalse(sim.hooks().isEmpty());
        micro.close();
        assertEquals(List.of(), sim.hooks(), "hooks left behind by an undeployed FieldSync");
    }

    // --- helpers ---

    private static JsonObject awaitRecord(String set, String attribute, String value) {
        return Await.until(
                DELIVERY, set + " with " + attribute + " = " + value + " on Resco", () -> sim.records(set).stream()
                        .filter(r -> value.equals(text(r, attribute)))
                        .findFirst()
                        .orElse(null));
    }

    private static int patchesOf(String set, String id) {
        return (int) sim.calls("PATCH", set).stream()
                .filter(c -> c.path().contains(id))
                .count();
    }

    /**
     * Waits until FieldSync has nothing left to do: no Resco change queued or in flight, no webhook
     * callback unread, and two more polls of the accounts after that.
     */
    private static void awaitQuiet() {
        Await.until(DELIVERY, "FieldSync idle", () -> openResco() == 0 && nudgesUnchecked("resco.customer") == 0);
        int polls = accountPolls();
        Await.until(DELIVERY, "two more polls of the accounts", () -> accountPolls() >= polls + 2);
    }

    /** Resco changes queued or in flight. */
    private static long openResco() {
        JsonObject depth = statusUnchecked().getJsonObject("outbox").getJsonObject("resco");
        if (depth == null) {
            return 0;
        }
        long open = 0;
        for (String state : List.of("PENDING", "INFLIGHT")) {
            open += depth.getJsonNumber(state) == null
                    ? 0
                    : depth.getJsonNumber(state).longValue();
        }
        return open;
    }

    private static int accountPolls() {
        return (int) sim.calls("GET", "account").stream()
                .filter(c -> !c.path().contains("("))
                .count();
    }

    private static List<JsonObject> mobileChanges(String remoteId) {
        try {
            return erp.inboundLines().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("kind").equals("MOBILE_CHANGE"))
                    .filter(l -> l.getString("approvalId").startsWith(remoteId + "@"))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> bookedPerRecord(Set<String> ids) {
        try {
            return erp.inboundLines().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("kind").equals("MOBILE_CHANGE"))
                    .map(l -> l.getString("approvalId"))
                    .map(a -> a.substring(0, a.indexOf('@')))
                    .filter(ids::contains)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> list(String type) throws Exception {
        return erp.list(type).stream().map(JsonValue::asJsonObject).toList();
    }

    private static java.util.Optional<JsonObject> erpRecord(String type, String key) {
        try {
            return list(type).stream().filter(r -> key.equals(text(r, "key"))).findFirst();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String erpField(String type, String key, String field) {
        return erpRecord(type, key).map(r -> text(r, field)).orElse(null);
    }

    private static Hook hook(String set, String action) {
        return sim.hooks().stream()
                .filter(h -> h.entity().equals(set) && h.action().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " hook on " + set + ": " + sim.hooks()));
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(field) : v.toString();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int getUnchecked(String url) {
        try {
            return get(url, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String adminAuth() {
        return "Basic "
                + Base64.getEncoder().encodeToString((Demo.ADMIN_USER + ":" + admin).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject status() throws Exception {
        HttpResponse<String> r = get(micro.baseUrl() + "api/admin/status", adminAuth());
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static JsonObject statusUnchecked() {
        try {
            return status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long nudges(String feed) throws Exception {
        return status().getJsonArray("feeds").stream()
                .map(JsonValue::asJsonObject)
                .filter(f -> f.getString("name").equals(feed))
                .mapToLong(f -> f.getJsonNumber("nudges").longValue())
                .sum();
    }

    private static long nudgesUnchecked(String feed) {
        try {
            return nudges(feed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String getAdmin(String path) {
        try {
            HttpResponse<String> r = get(micro.baseUrl() + path, adminAuth());
            assertEquals(200, r.statusCode(), r.body());
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject discover() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(micro.baseUrl() + "api/admin/resco/discover"))
                        .header("Authorization", adminAuth())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
