package com.fieldsync.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.demo.Demo;
import com.fieldsync.demo.ErpClient;
import com.fieldsync.demo.MicroServer;
import com.fieldsync.it.Await;
import com.fieldsync.sim.odyssee.OdysseeSimulator;
import com.fieldsync.sim.odyssee.Technicians;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances on one database both poll Odyssee's export feeds: the lease lets one
 * advance each feed, the applied-item log makes a second delivery impossible. Then one instance is
 * killed (SIGKILL) in the middle of a burst and started again: the other takes the feeds over when
 * the lease runs out, and every approval and PDF is booked by the ERP exactly once.
 */
class ExportFailoverIT {

    private static final int FIRST_BATCH = 40;
    private static final int BURST = 60;

    @Test
    void twoInstancesAndAKilledOneBookEveryApprovalAndPdfExactlyOnce() throws Exception {
        Path dir = Path.of("target", "export-failover-it").toAbsolutePath();
        Path jar = Path.of(System.getProperty("payara.microJar"));
        Path war = Path.of(System.getProperty("artifacts.dir"), "fieldsync-demo.war");
        String password = Demo.secret();
        try (OdysseeSimulator sim = OdysseeSimulator.start("127.0.0.1", 0)) {
            sim.requireBasicAuth("fieldsync:" + password + "@demo");
            sim.pdfDelay(Duration.ofMillis(500));
            Path db = dir.resolve("shared-db");
            String admin = Demo.secret();
            Path postBootA = postBoot(dir.resolve("a"), sim, password, admin, db);
            Path postBootB = postBoot(dir.resolve("b"), sim, password, admin, db);
            int portA = Demo.port(18380);
            int portB = Demo.port(18381);
            Set<String> approvals = new HashSet<>();
            try (MicroServer a = MicroServer.start(jar, war, portA, postBootA, dir.resolve("a"))) {
                a.awaitReady(Duration.ofSeconds(180));
                try (MicroServer b = MicroServer.start(jar, war, portB, postBootB, dir.resolve("b"))) {
                    b.awaitReady(Duration.ofSeconds(180));
                    ErpClient erp = new ErpClient(b.baseUrl());
                    for (int i = 0; i < FIRST_BATCH; i++) {
                        approvals.add(complete(sim, "F" + i));
                    }
                    awaitBookedOnce(erp, approvals, b);
                    // Each feed is polled by exactly one of the two instances.
                    Map<String, Boolean> onA = polledHere(a, admin);
                    Map<String, Boolean> onB = polledHere(b, admin);
                    assertEquals(
                            Set.of(
                                    "odyssee.mobile-customers",
                                    "odyssee.job-statuses",
                                    "odyssee.approvals",
                                    "odyssee.approval-pdfs"),
                            onA.keySet());
                    onA.forEach((feed, here) -> assertTrue(
                            here ^ onB.get(feed), feed + ": A polls " + here + ", B polls " + onB.get(feed)));

                    // A burst, and instance A killed while the feeds are working through it.
                    for (int i = 0; i < BURST; i++) {
                        approvals.add(complete(sim, "B" + i));
                    }
                    Await.until(
                            Duration.ofSeconds(60),
                            "part of the burst booked",
                            () -> count(erp, approvals, "COMPLETED") >= FIRST_BATCH + 10);
                    a.kill();
                }
            }
            // A again on the same root directory and database, B gone: A takes the leases over.
            try (MicroServer again = MicroServer.restart(jar, war, portA, postBootA, dir.resolve("a"))) {
                again.awaitReady(Duration.ofSeconds(180));
                ErpClient erp = new ErpClient(again.baseUrl());
                awaitBookedOnce(erp, approvals, again);
            }
        }
    }

    private static Path postBoot(Path dir, OdysseeSimulator sim, String password, String admin, Path db)
            throws Exception {
        Files.createDirectories(dir);
        Map<String, String> extra = new HashMap<>();
        extra.put("fieldsync.inbound.poll-interval-ms", "200");
        extra.put("fieldsync.inbound.lease-seconds", "5");
        extra.put("fieldsync.odyssee.export.start-from", "2000-01-01T00:00:00Z");
        extra.put("fieldsync.dispatch.lease-ms", "3000");
        Path file = Demo.writePostBoot(dir, sim.baseUrl(), password, admin, extra);
        // One H2 database for both instances (AUTO_SERVER: the first opens it and serves the
        // other; AUTO_RECONNECT: the survivor reopens it when that one dies), durable commits.
        Files.writeString(
                file,
                "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:" + db
                        + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0\n",
                StandardOpenOption.APPEND);
        return file;
    }

    private static String complete(OdysseeSimulator sim, String tag) {
        String user = sim.put("User", object("code", "T-" + tag, "username", "tech-" + tag))
                .getString("id");
        String article = sim.put("Article", object("code", "A-" + tag, "description", "part " + tag))
                .getString("id");
        String job =
                sim.put("Jobs", object("reference_back_office", "WO-" + tag)).getString("id");
        return sim.technicians()
                .complete(
                        job,
                        user,
                        List.of(new Technicians.PartUse(article, 3)),
                        List.of(new Technicians.TimeUse(null, 0.5)))
                .getString("id");
    }

    private static void awaitBookedOnce(ErpClient erp, Set<String> approvals, MicroServer server) {
        String[] last = {""};
        Await.until(
                "every approval and its PDF booked",
                Duration.ofSeconds(120),
                () -> {
                    long completed = count(erp, approvals, "COMPLETED");
                    long pdfs = count(erp, approvals, "PDF");
                    last[0] = completed + " approvals and " + pdfs + " PDFs of " + approvals.size();
                    return Optional.of(true).filter(ok -> completed >= approvals.size() && pdfs >= approvals.size());
                },
                () -> last[0] + "\n" + server.logTail());
        Map<String, Integer> perApproval = new HashMap<>();
        lines(erp).stream()
                .filter(l -> approvals.contains(l.getString("approvalId")))
                .forEach(
                        l -> perApproval.merge(l.getString("approvalId") + " " + l.getString("kind"), 1, Integer::sum));
        assertEquals(approvals.size() * 4, perApproval.size(), "four kinds of line per approval");
        perApproval.forEach((what, times) -> assertEquals(1, times, what + " booked " + times + " times"));
    }

    /** Feed name to whether this instance holds its lease, from the admin API. */
    private static Map<String, Boolean> polledHere(MicroServer server, String adminPassword) throws Exception {
        String auth = Base64.getEncoder()
                .encodeToString(("fieldsync-admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/admin/status"))
                                .header("Authorization", "Basic " + auth)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Boolean> result = new HashMap<>();
        Json.createReader(new StringReader(r.body())).readObject().getJsonArray("feeds").stream()
                .map(JsonValue::asJsonObject)
                .filter(f -> f.getBoolean("enabled")) // Resco's feeds are listed, switched off
                .forEach(f -> result.put(f.getString("name"), f.getBoolean("polledHere")));
        return result;
    }

    private static long count(ErpClient erp, Set<String> approvals, String kind) {
        return lines(erp).stream()
                .filter(l -> l.getString("kind").equals(kind))
                .filter(l -> approvals.contains(l.getString("approvalId")))
                .count();
    }

    private static List<JsonObject> lines(ErpClient erp) {
        try {
            return erp.inboundLines().stream().map(JsonValue::asJsonObject).toList();
        } catch (Exception e) {
            throw new IllegalStateException("reading the ERP's booked lines", e);
        }
    }

    private static JsonObject object(String... pairs) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }
}
