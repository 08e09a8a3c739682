package com.fieldsync.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.demo.ErpClient;
import com.fieldsync.it.Await;
import com.fieldsync.sim.odyssee.OdysseeSimulator;
import com.fieldsync.sim.odyssee.Technicians;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * Mobile → ERP on Odyssee: technicians complete jobs in the simulator, FieldSync's export feeds
 * deliver each approval with its parts and time, then its PDF, to the demo ERP, whose booked lines
 * show anything lost or doubled. The simulator's clock is stopped and only ever moves forward
 * between tests (the feeds' cursors live on in the server), except where a test goes back on
 * purpose within the look-back window.
 */
@ExtendWith(ArquillianExtension.class)
class OdysseeExportIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String AUTH = "it:it-secret@test";
    private static final String ADMIN = "it-admin:it-admin-pw";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final OdysseeSimulator SIM =
            OdysseeSimulator.start("127.0.0.1", Integer.getInteger("odyssee.sim.port"));

    @ArquillianResource
    URL base;

    private static ErpClient erp;
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

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
    void prepare() throws Exception {
        SIM.requireBasicAuth(AUTH);
        SIM.faults().clear();
        SIM.clearCalls();
        SIM.pdfDelay(Duration.ofSeconds(5));
        SIM.clock().set(SIM.clock().now().plus(Duration.ofMinutes(5)));
        erp().failNext(0);
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

    /** A job with its technician and an article, as if the ERP had sent them. */
    private record Job(String tag, String id, String userId, String articleId) {
        String workOrder() {
            return "WO-" + tag;
        }
    }

    private static Job job() {
        String tag = "X" + SEQUENCE.incrementAndGet();
        String user = SIM.put("User", object("code", "T-" + tag, "username", "tech-" + tag))
                .getString("id");
        String article = SIM.put("Article", object("code", "A-" + tag, "description", "part " + tag))
                .getString("id");
        String job = SIM.put("Jobs", object("reference_back_office", "WO-" + tag, "description", "job " + tag))
                .getString("id");
        return new Job(tag, job, user, article);
    }

    private static String complete(Job job) {
        return SIM.technicians()
                .complete(
                        job.id(),
                        job.userId(),
                        List.of(
                                new Technicians.PartUse(job.articleId(), 2.5),
                                new Technicians.PartUse(job.articleId(), 1)),
                        List.of(new Technicians.TimeUse(null, 1.75)))
                .getString("id");
    }

    private List<JsonObject> lines(String approvalId) throws Exception {
        return erp().inboundLines().stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("approvalId").equals(approvalId))
                .toList();
    }

    private List<JsonObject> lines(String approvalId, String kind) throws Exception {
        return lines(approvalId).stream()
                .filter(l -> l.getString("kind").equals(kind))
                .toList();
    }

    private List<JsonObject> awaitBooked(String approvalId) {
        return awaitLines("approval " + approvalId + " booked by the ERP", () -> {
            List<JsonObject> booked = lines(approvalId, "COMPLETED");
            return booked.isEmpty() ? null : lines(approvalId);
        });
    }

    private JsonObject awaitPdf(String approvalId) {
        return awaitLines("the PDF of approval " + approvalId, () -> {
            List<JsonObject> pdf = lines(approvalId, "PDF");
            return pdf.isEmpty() ? null : pdf.get(0);
        });
    }

    /**
     * Waits for the ERP's booked lines to show something; a failed read of them (a connection the
     * server closed as it was reused) is tried again. On timeout the message carries FieldSync's
     * feed status, the way an admin would look.
     */
    private <T> T awaitLines(String what, Callable<T> probe) {
        String[] lastError = {""};
        return Await.until(
                        what,
                        DELIVERY,
                        () -> {
                            try {
                                return java.util.Optional.ofNullable(probe.call());
                            } catch (Exception e) {
                                lastError[0] = e.toString();
                                return java.util.Optional.empty();
                            }
                        },
                        () -> {
                            try {
                                return lastError[0] + " feeds: " + admin("api/admin/status") + " held PDFs: "
                                        + admin("api/admin/feeds/odyssee.approval-pdfs/items?state=HELD");
                            } catch (Exception e) {
                                return lastError[0] + " (admin status unreadable: " + e + ")";
                            }
                        })
                .value();
    }

    @Test
    void completedWorkOrderReachesTheErpWithItsPartsTimeAndPdf() throws Exception {
        Job job = job();
        String approval = complete(job);

        List<JsonObject> booked = awaitBooked(approval);
        assertEquals(
                List.of("COMPLETED", "MATERIAL", "MATERIAL", "TIME"),
                booked.stream().map(l -> l.getString("kind")).toList());
        booked.forEach(l -> assertEquals(job.workOrder(), l.getString("workOrder"), "the ERP key of the job"));
        // two parts of one article, in (modified_dateutc, id) order: both stamped alike here
        assertEquals("A-" + job.tag(), booked.get(1).getString("item"), "the article's ERP key");
        assertEquals("A-" + job.tag(), booked.get(2).getString("item"));
        assertEquals(
                Set.of(new BigDecimal("2.5"), BigDecimal.ONE), Set.of(amount(booked.get(1)), amount(booked.get(2))));
        assertEquals("T-" + job.tag(), booked.get(3).getString("item"), "the technician's ERP key");
        assertAmount("1.75", booked.get(3));
        assertTrue(lines(approval, "PDF").isEmpty(), "Odyssee has not produced the PDF yet");

        SIM.clock().advance(Duration.ofSeconds(6));
        JsonObject pdf = awaitPdf(approval);
        assertEquals(job.workOrder(), pdf.getString("workOrder"));
        assertEquals("approval-" + approval + ".pdf", pdf.getString("item"));
        assertTrue(Integer.parseInt(pdf.getString("amount")) > 100, "the PDF's bytes: " + pdf);
        awaitFeedPasses("JobApproval", 2); // nothing comes twice
        awaitFeedPasses("DbFile", 2);
        assertEquals(4, lines(approval).size() - 1, "four booked lines and one PDF, once each: " + lines(approval));
    }

    @Test
    void burstOf45ApprovalsWithOneTimestampOverThreePagesIsAppliedOnceEach() throws Exception {
        Set<String> approvals = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            approvals.add(complete(job()));
        }
        Set<String> stamps = SIM.records("JobApproval").stream()
                .filter(a -> approvals.contains(a.getString("id")))
                .map(a -> a.getString("modified_dateutc"))
                .collect(Collectors.toSet());
        assertEquals(1, stamps.size(), "one modified_dateutc for the whole burst");

        Await.until(DELIVERY, "45 approvals booked", quietly(() -> {
            Set<String> booked = erp().inboundLines().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("kind").equals("COMPLETED"))
                    .map(l -> l.getString("approvalId"))
                    .filter(approvals::contains)
                    .collect(Collectors.toSet());
            return booked.size() == 45 ? booked : null;
        }));
        awaitFeedPasses("JobApproval", 2);
        long completed = erp().inboundLines().stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("kind").equals("COMPLETED"))
                .filter(l -> approvals.contains(l.getString("approvalId")))
                .count();
        assertEquals(45, completed, "each approval booked exactly once");
        assertTrue(
                SIM.calls("GET", "JobApproval").stream()
                        .anyMatch(c -> c.query() != null && c.query().contains("skiptoken")),
                "the feed followed @odata.nextLink");
    }

    @Test
    void approvalCommittedLateWithAnOlderTimestampIsStillApplied() throws Exception {
        Instant now = SIM.clock().now();
        String first = complete(job());
        awaitBooked(first);

        // A row that becomes visible only now but carries a time 20 s before the feed's watermark,
        // as a transaction that committed late leaves it: "modified gt watermark" would never see it.
        Job late = job();
        SIM.clock().set(now.minusSeconds(20));
        String older = SIM.put(
                        "JobApproval",
                        Json.createObjectBuilder()
                                .add("jobs_id", late.id())
                                .add("is_daily_approval", false)
                                .build())
                .getString("id");
        SIM.clock().set(now.plusSeconds(1));
        awaitBooked(older);
        assertEquals(1, lines(older, "COMPLETED").size());
        assertEquals(1, lines(first, "COMPLETED").size());
    }

    @Test
    void erpThatThrowsGetsTheApprovalAgainAndBooksItOnce() throws Exception {
        erp().failNext(2);
        String approval = complete(job());
        awaitBooked(approval);
        assertEquals(0, erp().failuresLeft(), "the ERP threw twice before booking");
        awaitFeedPasses("JobApproval", 2);
        assertEquals(1, lines(approval, "COMPLETED").size(), "rolled-back attempts left nothing behind");
        assertEquals(2, lines(approval, "MATERIAL").size());
    }

    @Test
    void pdfProducedTwoHoursAfterItsApprovalIsAttached() throws Exception {
        SIM.pdfDelay(Duration.ofHours(2));
        String approval = complete(job());
        awaitBooked(approval);
        SIM.clock().advance(Duration.ofMinutes(119));
        awaitFeedPasses("DbFile", 2);
        assertTrue(lines(approval, "PDF").isEmpty(), "no PDF before Odyssee's queue made it");
        SIM.clock().advance(Duration.ofMinutes(2));
        awaitPdf(approval);
        assertEquals(1, lines(approval, "PDF").size());
    }

    @Test
    void pdfThatArrivesBeforeItsApprovalIsHeldThenAttached() throws Exception {
        SIM.pdfDelay(Duration.ZERO);
        erp().failNext(3); // the approval cannot be booked for a while; its PDF is already there
        String approval = complete(job());
        JsonObject pdf = awaitPdf(approval);
        List<JsonObject> completed = lines(approval, "COMPLETED");
        assertEquals(1, completed.size());
        assertTrue(
                pdf.getJsonNumber("id").longValue()
                        > completed.get(0).getJsonNumber("id").longValue(),
                "the PDF was booked after its approval");
        assertEquals(0, erp().failuresLeft());
        assertTrue(
                SIM.calls("GET", "DbFile").stream().anyMatch(c -> c.path().endsWith("/content")),
                "the PDF's content was read");
    }

    // ---- job-status workflow, both ways ----

    /** An ERP work order with its customer, project and technician; returns the Odyssee job. */
    private JsonObject erpWorkOrder(String key, String status, boolean withTechnician) throws Exception {
        String tag = key.toLowerCase(java.util.Locale.ROOT);
        erp().save("customer", "C-" + tag, java.util.Map.of("name", "customer " + tag));
        erp().save("project", "P-" + tag, java.util.Map.of("name", "project " + tag, "customer", "C-" + tag));
        erp().save("user", "U-" + tag, java.util.Map.of("username", "user-" + tag));
        java.util.Map<String, String> fields = new java.util.HashMap<>(
                java.util.Map.of("description", "repair " + tag, "project", "P-" + tag, "status", status));
        if (withTechnician) {
            fields.put("technician", "U-" + tag);
        }
        erp().save("work_order", key, fields);
        return awaitJob(key, JobStatusIds.of(status));
    }

    private static JsonObject awaitJob(String key, String statusId) {
        return Await.until(DELIVERY, "job " + key + " in status " + statusId, () -> job(key).filter(
                        j -> j.getString("job_status_id").equalsIgnoreCase(statusId))
                .orElse(null));
    }

    private static java.util.Optional<JsonObject> job(String key) {
        return SIM.records("Jobs").stream()
                .filter(j -> key.equals(j.getString("reference_back_office")))
                .findFirst();
    }

    private String erpStatus(String key) throws Exception {
        return erp().list("work_order").stream()
                .map(JsonValue::asJsonObject)
                .filter(w -> w.getString("key").equals(key))
                .map(w -> w.getString("status"))
                .findFirst()
                .orElseThrow();
    }

    /** The GUIDs of the statuses these tests use (remote-apis.md). */
    private static final class JobStatusIds {
        static String of(String name) {
            return switch (name) {
                case "OPEN" -> Technicians.OPEN;
                case "DISPATCHED" -> Technicians.DISPATCHED;
                case "PLANNED" -> Technicians.PLANNED;
                case "COMPLETED" -> Technicians.COMPLETED;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    @Test
    void erpWorkOrderIsCreatedAsAJobAndMovesThroughTheWorkflow() throws Exception {
        JsonObject job = erpWorkOrder("WO-W1", "OPEN", true);
        String user = SIM.records("User").stream()
                .filter(u -> u.getString("code").equals("U-wo-w1"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        assertEquals(user, job.getString("user_id"), "the technician is the job's user");
        erp().save(
                        "work_order",
                        "WO-W1",
                        java.util.Map.of(
                                "description",
                                "repair wo-w1",
                                "project",
                                "P-wo-w1",
                                "technician",
                                "U-wo-w1",
                                "status",
                                "DISPATCHED"));
        awaitJob("WO-W1", Technicians.DISPATCHED);
    }

    @Test
    void illegalTransitionIsRefusedAtTheCallNamingBothStatusesAndNothingIsSent() throws Exception {
        erpWorkOrder("WO-W2", "OPEN", true);
        SIM.clearCalls();
        String refused = refusedSave("WO-W2", "U-wo-w2", "COMPLETED");
        assertTrue(refused.contains("422"), refused);
        assertTrue(refused.contains("'Open'"), refused);
        assertTrue(refused.contains("'Completed'"), refused);
        assertEquals("OPEN", erpStatus("WO-W2"), "the ERP's save was rolled back");

        // Dispatched needs an assigned technician.
        String unassigned = refusedSave("WO-W2", "", "DISPATCHED");
        assertTrue(unassigned.contains("'Open'"), unassigned);
        assertTrue(unassigned.contains("'Dispatched'"), unassigned);
        assertTrue(unassigned.contains("assigned user"), unassigned);

        awaitFeedPasses("Jobs", 2); // time for a send, had anything been queued
        assertTrue(
                SIM.calls("PUT", "Jobs").isEmpty() && SIM.calls("POST", "Jobs").isEmpty(), "no call: " + SIM.calls());
        assertEquals(
                Technicians.OPEN.toLowerCase(java.util.Locale.ROOT),
                job("WO-W2").orElseThrow().getString("job_status_id"));
    }

    /** Saves the work order with this technician and status, which the ERP must refuse; its message. */
    private String refusedSave(String key, String technician, String status) {
        String tag = key.toLowerCase(java.util.Locale.ROOT);
        java.io.IOException e =
                org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> erp().save(
                                "work_order",
                                key,
                                java.util.Map.of(
                                        "description",
                                        "repair " + tag,
                                        "project",
                                        "P-" + tag,
                                        "technician",
                                        technician,
                                        "status",
                                        status)));
        return e.getMessage();
    }

    @Test
    void technicianCompletingAnErpWorkOrderMovesItInTheErpAndBooksIt() throws Exception {
        JsonObject job = erpWorkOrder("WO-W3", "OPEN", true);
        String article = SIM.put("Article", object("code", "A-W3", "description", "valve"))
                .getString("id");
        SIM.clearCalls();
        String approval = SIM.technicians()
                .complete(
                        job.getString("id"),
                        job.getString("user_id"),
                        List.of(new Technicians.PartUse(article, 1)),
                        List.of())
                .getString("id");
        List<JsonObject> booked = awaitBooked(approval);
        assertEquals("WO-W3", booked.get(0).getString("workOrder"));
        Await.until(DELIVERY, "the ERP's work order completed", quietly(() -> "COMPLETED".equals(erpStatus("WO-W3"))));
        assertTrue(
                SIM.calls("GET", "Jobs").stream()
                        .noneMatch(c -> c.query() != null && c.query().contains(job.getString("id"))),
                "the work-order key came from the link table, not from a Jobs lookup");
    }

    @Test
    void impossibleRemoteTransitionIsReportedNotApplied() throws Exception {
        JsonObject job = erpWorkOrder("WO-W4", "OPEN", true);
        SIM.clock().advance(Duration.ofSeconds(1));
        SIM.technicians().move(job.getString("id"), Technicians.WAITING); // nothing leads back to Waiting
        String reported = Await.until(DELIVERY, "the move reported", quietly(() -> {
            String items = admin("api/admin/feeds/odyssee.job-statuses/items?state=REPORTED");
            return items.contains("WO-W4") ? items : null;
        }));
        assertTrue(reported.contains("'Open'") && reported.contains("'Waiting'"), reported);
        assertEquals("OPEN", erpStatus("WO-W4"), "not applied to the ERP");
    }

    // ---- records born on mobile ----

    @Test
    void customerCreatedOnMobileIsCreatedInTheErpAndGetsItsKeyWithoutEcho() throws Exception {
        SIM.clock().advance(Duration.ofSeconds(1));
        JsonObject company = SIM.put("Company", object("code", "", "name", "Born on mobile", "city", "Leuven"));
        String id = company.getString("id");
        String key = "MOB-" + id.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        JsonObject customer = Await.until(DELIVERY, "the ERP customer", quietly(() -> erp().list("customer").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("key").equals(key))
                .findFirst()
                .orElse(null)));
        assertEquals("Born on mobile", customer.getString("name"));
        assertEquals("Leuven", customer.getString("city"));
        Await.until(DELIVERY, "the ERP key written back into code", () -> SIM.record("Company", id)
                .filter(c -> key.equals(c.getString("code")))
                .orElse(null));
        SIM.clock().advance(Duration.ofSeconds(1));
        awaitFeedPasses("Company", 2); // the write-back must not come back
        assertEquals(
                1,
                SIM.calls("PUT", "Company").stream()
                        .filter(c -> c.path().endsWith(id))
                        .count(),
                "one write-back");
        assertEquals(0, SIM.calls("POST", "Company").size(), "no second company");
        List<JsonObject> customers = erp().list("customer").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("Born on mobile"))
                .toList();
        assertEquals(1, customers.size(), "one ERP customer: " + customers);
        assertEquals(1, customers.get(0).getInt("revision"), "saved once, no echo: " + customers);
    }

    private String admin(String path) throws Exception {
        java.net.http.HttpResponse<String> r = HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(
                                                        ADMIN.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static void assertAmount(String expected, JsonObject line) {
        assertEquals(0, new BigDecimal(expected).compareTo(amount(line)), line.toString());
    }

    private static BigDecimal amount(JsonObject line) {
        return new BigDecimal(line.getString("amount")).stripTrailingZeros();
    }

    /**
     * Waits until the feed that reads {@code controller} has polled it {@code passes} more times:
     * anything still on its way (a second delivery, an echo, a PDF not yet due) would have shown.
     */
    private static void awaitFeedPasses(String controller, int passes) {
        long before = feedPolls(controller);
        Await.until(
                DELIVERY, passes + " more feed polls of " + controller, () -> feedPolls(controller) >= before + passes);
    }

    private static long feedPolls(String controller) {
        return SIM.calls("GET", controller).stream()
                .filter(c -> c.query() != null && c.query().contains("modified_dateutc"))
                .count();
    }

    /** A probe for {@link Await} that may throw: the ERP's HTTP API does. */
    private static <T> Supplier<T> quietly(Callable<T> probe) {
        return () -> {
            try {
                return probe.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static JsonObject object(String... pairs) {
        var b = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }
}
