package com.fieldsync.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.demo.ErpClient;
import com.fieldsync.it.Await;
import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Fault;
import com.fieldsync.sim.odyssee.OdysseeSimulator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ERP changes reach Odyssee through the outbox: deployed as the one Payara Micro WAR (FieldSync +
 * demo ERP), driven through the demo ERP's REST API, judged by the simulator's records and call
 * log. One server for the class; every test uses its own record keys.
 */
@ExtendWith(ArquillianExtension.class)
class OdysseeSyncIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final String AUTH = "it:it-secret@test";

    /** Started when the class loads, before Arquillian boots Payara Micro, on the reserved port. */
    private static final OdysseeSimulator SIM =
            OdysseeSimulator.start("127.0.0.1", Integer.getInteger("odyssee.sim.port"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    private static ErpClient erp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(
                WebArchive.class, new File(System.getProperty("artifacts.dir"), "fieldsync-demo.war"));
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @BeforeEach
    void cleanSimulator() {
        SIM.requireBasicAuth(AUTH);
        SIM.faults().clear();
        SIM.clearCalls();
    }

    /**
     * One client for the class: each ErpClient holds an HttpClient with its own connections, and a
     * new one per call (every 25 ms while awaiting) left hundreds of keep-alive connections open on
     * the server.
     */
    private ErpClient erp() {
        if (erp == null) {
            erp = new ErpClient(base.toString());
        }
        return erp;
    }

    private void save(String type, String key, Map<String, String> values) throws Exception {
        erp().save(type, key, values);
    }

    private static Optional<JsonObject> company(String code) {
        return SIM.records("Company").stream()
                .filter(r -> code.equals(r.getString("code")))
                .findFirst();
    }

    private static List<Call> writes(String controller) {
        return SIM.calls().stream()
                .filter(c -> controller.equals(c.target()))
                .filter(c -> c.method().equals("POST") || c.method().equals("PUT"))
                .toList();
    }

    /** Writes that carry the given code; a previous test's late call cannot be mistaken for them. */
    private static List<Call> writes(String controller, String code) {
        return writes(controller).stream()
                .filter(c -> c.requestBody() != null && c.requestBody().contains("\"code\":\"" + code + "\""))
                .toList();
    }

    private static JsonObject awaitCompany(String code, String name) {
        return Await.until(DELIVERY, "Company " + code + " named '" + name + "'", () -> company(code)
                .filter(c -> name.equals(c.getString("name")))
                .orElse(null));
    }

    @Test
    void createThenUpdateReachesOdysseeWithTheRightFields() throws Exception {
        save("customer", "CU-1", Map.of("name", "ACME", "city", "Gent", "vat", "BE0123"));
        JsonObject created = awaitCompany("CU-1", "ACME");
        assertEquals("Gent", created.getString("city"));
        assertEquals("BE0123", created.getString("vat"));
        assertEquals("", created.getString("phone"), "unset fields are sent as Odyssee's defaults");

        save("customer", "CU-1", Map.of("name", "ACME Corp", "city", "Brugge"));
        JsonObject updated = awaitCompany("CU-1", "ACME Corp");
        assertEquals("Brugge", updated.getString("city"));
        assertEquals(created.getString("id"), updated.getString("id"), "the update goes to the same record");
        assertEquals(
                1,
                SIM.records("Company").stream()
                        .filter(r -> r.getString("code").equals("CU-1"))
                        .count());
        List<Call> calls = writes("Company", "CU-1");
        assertEquals(List.of("POST", "PUT"), calls.stream().map(Call::method).toList());
        assertTrue(
                calls.get(1).path().endsWith(created.getString("id")),
                calls.get(1).path());
    }

    @Test
    void updateThatChangesNoSyncedFieldMakesNoCall() throws Exception {
        save("customer", "CU-2", Map.of("name", "Bolt & Co"));
        awaitCompany("CU-2", "Bolt & Co");
        save("customer", "CU-2", Map.of("creditLimit", "5000"));
        save("customer", "CU-2", Map.of("creditLimit", "7000"));
        // A later synced change proves the two unsynced ones were processed before it.
        save("customer", "CU-2", Map.of("name", "Bolt & Co NV"));
        awaitCompany("CU-2", "Bolt & Co NV");
        assertEquals(
                List.of("POST", "PUT"),
                writes("Company", "CU-2").stream().map(Call::method).toList(),
                "only the create and the synced rename reach Odyssee");
    }

    @Test
    void tenQuickUpdatesOfOneRecordMakeAtMostTwoCalls() throws Exception {
        save("customer", "CU-3", Map.of("name", "v0"));
        awaitCompany("CU-3", "v0");
        SIM.clearCalls();
        for (int i = 1; i <= 10; i++) {
            save("customer", "CU-3", Map.of("name", "v" + i));
        }
        awaitCompany("CU-3", "v10");
        int calls = writes("Company", "CU-3").size();
        assertTrue(calls >= 1 && calls <= 2, "10 quick updates made " + calls + " calls");
    }

    @Test
    void erpRollbackSendsNothing() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "erp/records/customer/CU-4?fail=true"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"never\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(erp().list("customer").stream()
                .noneMatch(v -> v.asJsonObject().getString("key").equals("CU-4")));
        // A committed change made afterwards arrives; the rolled-back one never does.
        save("customer", "CU-4b", Map.of("name", "committed"));
        awaitCompany("CU-4b", "committed");
        assertTrue(company("CU-4").isEmpty());
        assertTrue(SIM.calls().stream()
                .noneMatch(c -> c.requestBody() != null && c.requestBody().contains("never")));
    }

    @Test
    void enqueueWithoutTransactionIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "erp/records/customer/CU-5/without-transaction"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("no active JTA transaction"), r.body());
        assertTrue(r.body().contains("CU-5"), r.body());
    }

    @Test
    void serviceUnavailableThenTooManyRequestsThenSuccessDeliversOnce() throws Exception {
        SIM.faults().next("POST", "Company", Fault.status(503));
        SIM.faults().next("POST", "Company", Fault.tooManyRequests(1));
        save("customer", "CU-6", Map.of("name", "Retry Ltd"));
        awaitCompany("CU-6", "Retry Ltd");
        List<Call> posts = writes("Company", "CU-6");
        assertEquals(List.of(503, 429, 201), posts.stream().map(Call::status).toList());
        long afterThrottle = posts.get(2).atNanos() - posts.get(1).atNanos();
        assertTrue(
                afterThrottle >= Duration.ofSeconds(1).toNanos(),
                "Retry-After: 1 honoured, waited " + afterThrottle / 1_000_000 + " ms");
        assertEquals(
                1,
                SIM.records("Company").stream()
                        .filter(c -> c.getString("code").equals("CU-6"))
                        .count());
    }

    @Test
    void rejectedRecordGoesToDeadLetterWithTheRemoteMessageWhileOthersKeepFlowing() throws Exception {
        // Odyssee requires a company name; the ERP saved one without.
        save("customer", "CU-7", Map.of("city", "Nameless"));
        save("customer", "CU-8", Map.of("name", "Healthy"));
        awaitCompany("CU-8", "Healthy");
        JsonObject dead = Await.until(
                DELIVERY, "a dead letter for CU-7", () -> deadLetter("CU-7").orElse(null));
        assertEquals(400, dead.getInt("status"));
        assertTrue(dead.getString("error").contains("missing required field 'name'"), "the remote's message: " + dead);
        assertTrue(company("CU-7").isEmpty());

        // The ERP fixes the record: the newer change is delivered, and replaying the old one would
        // overwrite it, so the replay is refused as superseded.
        save("customer", "CU-7", Map.of("name", "Named now"));
        awaitCompany("CU-7", "Named now");
        HttpResponse<String> replay =
                admin("POST", "dead-letters/" + dead.getJsonNumber("id").longValue() + "/replay");
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("SUPERSEDED"), replay.body());
        assertTrue(deadLetter("CU-7").isEmpty());
    }

    @Test
    void replayedDeadLetterIsDeliveredOnce() throws Exception {
        // A refusal that goes away on the platform's side (someone fixed a setting there).
        SIM.faults().next("POST", "Company", Fault.status(422));
        save("customer", "CU-17", Map.of("name", "Second chance"));
        JsonObject dead = Await.until(
                DELIVERY, "a dead letter for CU-17", () -> deadLetter("CU-17").orElse(null));
        assertEquals(422, dead.getInt("status"));
        assertTrue(company("CU-17").isEmpty());
        HttpResponse<String> replay =
                admin("POST", "dead-letters/" + dead.getJsonNumber("id").longValue() + "/replay");
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("QUEUED"), replay.body());
        awaitCompany("CU-17", "Second chance");
        assertTrue(deadLetter("CU-17").isEmpty());
        assertEquals(
                1,
                writes("Company", "CU-17").stream()
                        .filter(c -> c.status() / 100 == 2)
                        .count());
    }

    @Test
    void recordAlreadyOnOdysseeUnderTheSameCodeIsAdoptedNotDuplicated() throws Exception {
        // Created before FieldSync (or by a create whose reservation an unsynced database lost).
        JsonObject before = SIM.put(
                "Company",
                Json.createObjectBuilder()
                        .add("code", "CU-18")
                        .add("name", "made elsewhere")
                        .build());
        save("customer", "CU-18", Map.of("name", "From the ERP"));
        JsonObject adopted = awaitCompany("CU-18", "From the ERP");
        assertEquals(before.getString("id"), adopted.getString("id"));
        assertEquals(
                1,
                SIM.records("Company").stream()
                        .filter(c -> c.getString("code").equals("CU-18"))
                        .count());
        save("customer", "CU-18", Map.of("name", "From the ERP, renamed"));
        assertEquals(
                before.getString("id"),
                awaitCompany("CU-18", "From the ERP, renamed").getString("id"));
    }

    @Test
    void discardedDeadLetterIsGoneAndNeverSent() throws Exception {
        save("customer", "CU-15", Map.of("city", "no name: refused"));
        JsonObject dead = Await.until(
                DELIVERY, "a dead letter for CU-15", () -> deadLetter("CU-15").orElse(null));
        long id = dead.getJsonNumber("id").longValue();
        assertEquals(204, admin("DELETE", "dead-letters/" + id).statusCode());
        assertTrue(deadLetter("CU-15").isEmpty());
        assertEquals(404, admin("DELETE", "dead-letters/" + id).statusCode(), "a second discard finds nothing");
        assertEquals(404, admin("POST", "dead-letters/" + id + "/replay").statusCode(), "nor can it be replayed");
        assertEquals(
                1,
                writes("Company", "CU-15").stream()
                        .filter(c -> c.method().equals("POST"))
                        .count(),
                "only the refused create was ever sent");
    }

    @Test
    void deliveredRowsArePrunedAfterTheRetentionPeriod() throws Exception {
        // This suite runs with a retention of 0 minutes: delivered rows go at the next prune pass.
        save("customer", "CU-16", Map.of("name", "Pruned soon"));
        awaitCompany("CU-16", "Pruned soon");
        Await.until(DELIVERY, "no delivered rows left in the outbox", () -> {
            try {
                HttpResponse<String> status = admin("GET", "status");
                JsonObject outbox = Json.createReader(new StringReader(status.body()))
                        .readObject()
                        .getJsonObject("outbox");
                JsonObject odyssee = outbox.getJsonObject("odyssee");
                return odyssee == null || !odyssee.containsKey("DONE");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void changeIsDeadLetteredAfterTheConfiguredNumberOfTransientFailures() throws Exception {
        // This suite allows 4 attempts (fieldsync.retry.max-attempts=4); Odyssee fails all of them.
        SIM.faults().times(4, "POST", "Company", Fault.status(503));
        save("customer", "CU-19", Map.of("name", "Never reachable"));
        JsonObject dead = Await.until(
                DELIVERY, "a dead letter for CU-19", () -> deadLetter("CU-19").orElse(null));
        assertTrue(dead.getString("error").startsWith("gave up after 4 attempts"), dead.toString());
        assertEquals(4, writes("Company", "CU-19").size());
        assertTrue(company("CU-19").isEmpty());
    }

    @Test
    void unknownOutcomeOfACreateLeavesNoDuplicate() throws Exception {
        // The create is applied but the answer is lost: FieldSync must find the record, not create another.
        SIM.faults().next("POST", "Company", Fault.applyThenDrop());
        save("customer", "CU-9", Map.of("name", "Lost answer"));
        Await.until(DELIVERY, "the lost create to be confirmed by a GET", () -> SIM.calls().stream()
                .anyMatch(c -> c.method().equals("GET") && "Company".equals(c.target()) && c.status() == 200));
        save("customer", "CU-9", Map.of("name", "Lost answer, renamed"));
        awaitCompany("CU-9", "Lost answer, renamed");
        assertEquals(
                1,
                SIM.records("Company").stream()
                        .filter(c -> c.getString("code").equals("CU-9"))
                        .count());
        // The create that was applied answered nothing (status 0 in the log). The JDK's
        // HttpURLConnection may re-send such a POST by itself; that send meets our own id (409) and
        // is resolved by a lookup. No other create of CU-9 may ever succeed.
        List<Integer> createStatuses = writes("Company", "CU-9").stream()
                .filter(c -> c.method().equals("POST"))
                .map(Call::status)
                .toList();
        assertEquals(0, createStatuses.get(0), "the first create's answer was lost: " + createStatuses);
        assertTrue(createStatuses.stream().skip(1).allMatch(s -> s == 409), "no second create: " + createStatuses);
    }

    @Test
    void droppedConnectionAndTimeoutRetryWithoutDuplicates() throws Exception {
        SIM.faults().next("POST", "Company", Fault.dropConnection());
        SIM.faults().next("POST", "Company", Fault.latency(3_000)); // read timeout is 2 s
        save("customer", "CU-10", Map.of("name", "Flaky network"));
        awaitCompany("CU-10", "Flaky network");
        save("customer", "CU-10", Map.of("name", "Flaky network 2"));
        awaitCompany("CU-10", "Flaky network 2");
        assertEquals(
                1,
                SIM.records("Company").stream()
                        .filter(c -> c.getString("code").equals("CU-10"))
                        .count());
    }

    @Test
    void malformedAnswerToACreateStillCountsAsCreated() throws Exception {
        SIM.faults().next("POST", "Company", Fault.malformedBody());
        save("customer", "CU-11", Map.of("name", "Garbled"));
        awaitCompany("CU-11", "Garbled");
        save("customer", "CU-11", Map.of("name", "Garbled 2"));
        awaitCompany("CU-11", "Garbled 2");
        assertEquals(
                List.of("POST", "PUT"),
                writes("Company", "CU-11").stream().map(Call::method).toList());
    }

    @Test
    void projectWaitsForItsCustomerAndIsNeverSentWithAZeroGuid() throws Exception {
        save("project", "PR-1", Map.of("name", "Roof", "customer", "CU-12"));
        save("customer", "CU-99", Map.of("name", "Unrelated"));
        awaitCompany("CU-99", "Unrelated");
        assertTrue(writes("Project").isEmpty(), "no project before its customer exists");
        save("customer", "CU-12", Map.of("name", "Owner"));
        JsonObject owner = awaitCompany("CU-12", "Owner");
        JsonObject project = Await.until(DELIVERY, "project PR-1", () -> SIM.records("Project").stream()
                .filter(p -> p.getString("code").equals("PR-1"))
                .findFirst()
                .orElse(null));
        assertEquals(owner.getString("id"), project.getString("company_id"));
    }

    @Test
    void refusedCredentialsHoldThePlatformAndDeliveryResumesWhenTheyWork() throws Exception {
        SIM.requireBasicAuth("it:rotated-password@test");
        save("customer", "CU-13", Map.of("name", "Held"));
        String notReady = Await.until(DELIVERY, "readiness DOWN", () -> {
            String body = health().body();
            return body.contains("DOWN") ? body : null;
        });
        assertTrue(notReady.contains("refused the configured credentials"), notReady);
        assertTrue(notReady.contains("fieldsync.odyssee.password"), notReady);
        assertTrue(!notReady.contains("it-secret"), "no secret in health output");
        SIM.clearCalls();
        save("customer", "CU-14", Map.of("name", "Also held"));
        // While held, only probes reach Odyssee (a few per second at most), no record is sent.
        Await.until(DELIVERY, "two probes", () -> SIM.calls().size() >= 2);
        assertTrue(
                SIM.calls().stream().allMatch(c -> c.method().equals("GET")), "only probes while held: " + SIM.calls());

        SIM.requireBasicAuth(AUTH);
        awaitCompany("CU-13", "Held");
        awaitCompany("CU-14", "Also held");
        Await.until(DELIVERY, "readiness UP", () -> health().statusCode() == 200);
    }

    @Test
    void adminApiRefusesAnonymousCallers() throws Exception {
        assertEquals(401, get("api/admin/status").statusCode());
        HttpResponse<String> ok = admin("GET", "status");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("odyssee"), ok.body());
    }

    /** MicroProfile Health lives at the server's root, not under the application's context. */
    private HttpResponse<String> health() {
        return get(URI.create(base.toString()).resolve("/health/ready"));
    }

    private HttpResponse<String> get(String path) {
        return get(URI.create(base + path));
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString("it-admin:it-admin-pw".getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "api/admin/" + path))
                        .header("Authorization", "Basic " + auth)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Optional<JsonObject> deadLetter(String erpKey) {
        try {
            HttpResponse<String> r = admin("GET", "dead-letters");
            assertEquals(200, r.statusCode(), r.body());
            JsonArray all = Json.createReader(new StringReader(r.body())).readArray();
            return all.stream()
                    .map(JsonValue::asJsonObject)
                    .filter(d -> erpKey.equals(d.getString("erpKey")))
                    .findFirst();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
