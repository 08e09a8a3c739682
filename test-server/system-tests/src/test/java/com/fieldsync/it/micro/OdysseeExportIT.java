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
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final OdysseeSimulator SIM =
            OdysseeSimulator.start("127.0.0.1", Integer.getInteger("odyssee.sim.port"));

    @ArquillianResource
    URL base;

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

    private ErpClient erp() {
        return new ErpClient(base.toString());
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
        return Await.until(DELIVERY, "approval " + approvalId + " booked by the ERP", quietly(() -> {
            List<JsonObject> booked = lines(approvalId, "COMPLETED");
            return booked.isEmpty() ? null : lines(approvalId);
        }));
    }

    private JsonObject awaitPdf(String approvalId) {
        return Await.until(DELIVERY, "the PDF of approval " + approvalId, quietly(() -> {
            List<JsonObject> pdf = lines(approvalId, "PDF");
            return pdf.isEmpty() ? null : pdf.get(0);
        }));
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
        Thread.sleep(1500); // a few more polls: nothing comes twice
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
        Thread.sleep(1500);
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
        Thread.sleep(1500);
        assertEquals(1, lines(approval, "COMPLETED").size(), "rolled-back attempts left nothing behind");
        assertEquals(2, lines(approval, "MATERIAL").size());
    }

    @Test
    void pdfProducedTwoHoursAfterItsApprovalIsAttached() throws Exception {
        SIM.pdfDelay(Duration.ofHours(2));
        String approval = complete(job());
        awaitBooked(approval);
        SIM.clock().advance(Duration.ofMinutes(119));
        Thread.sleep(1500);
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

    private static void assertAmount(String expected, JsonObject line) {
        assertEquals(0, new BigDecimal(expected).compareTo(amount(line)), line.toString());
    }

    private static BigDecimal amount(JsonObject line) {
        return new BigDecimal(line.getString("amount")).stripTrailingZeros();
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
