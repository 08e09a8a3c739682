package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.enc;
import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Guids;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The approval-PDF queue: late, lazy on the sim clock, one PDF per non-daily approval, forgotten by reset. */
class ApprovalPdfsTest extends SimulatorTest {
    private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
    private static final String PDF_FILTER =
            "api/DbFile?$filter=" + enc("file_type_name eq 'JOB_APPROVAL' and db_table_name eq 'job_approval'");

    @Test
    void thePdfAppearsOnlyOnceTheClockPassesTheDelayStampedWhenProducedAndItsContentIsServed() {
        sim.clock().set(T0);
        String approvalId = completeAJob();

        sim.clock().advance(Duration.ofMillis(4999));
        TestClient.Reply early = client.get(PDF_FILTER);
        int pendingEarly = sim.pendingPdfs();
        sim.clock().advance(Duration.ofSeconds(3));
        TestClient.Reply late = client.get(PDF_FILTER);

        assertEquals(0, early.value().size());
        assertEquals(1, pendingEarly);
        assertEquals(1, late.value().size());
        assertEquals(0, sim.pendingPdfs());
        JsonObject file = late.value().getJsonObject(0);
        assertEquals(approvalId, file.getString("id_in_table"));
        assertEquals("approval-" + approvalId + ".pdf", file.getString("file_name"));
        // the lazy queue stamps when it produces, as the real one does: not at approval + delay
        assertEquals("2024-06-01T12:00:07.999Z", file.getString("modified_dateutc"));
        JsonObject content =
                client.get("api/DbFile/" + file.getString("id") + "/content").json();
        String pdf = new String(Base64.getDecoder().decode(content.getString("content")), StandardCharsets.US_ASCII);
        assertTrue(pdf.startsWith("%PDF-1.4\n"), pdf);
        assertTrue(pdf.endsWith("%%EOF\n"), pdf);
        assertTrue(pdf.contains("(Job approval " + approvalId + ")"), pdf);
        assertEquals(file.getString("file_name"), content.getString("file_name"));
    }

    @Test
    void javaReadsProduceDuePdfsWithoutAnyApiCall() {
        sim.clock().set(T0);
        String approvalId = completeAJob();
        assertEquals(List.of(), sim.records("DbFile"));

        sim.clock().advance(Duration.ofSeconds(5));
        List<JsonObject> files = sim.records("DbFile");

        assertEquals(1, files.size());
        assertEquals(approvalId, files.get(0).getString("id_in_table"));
        assertEquals("2024-06-01T12:00:05.000Z", files.get(0).getString("modified_dateutc"));
        assertEquals(
                files.get(0), sim.record("DbFile", files.get(0).getString("id")).orElseThrow());
        assertEquals(List.of(), sim.calls());
    }

    @Test
    void approvalsAddedByPostOrPutGetAPdfButDailyApprovalsGetNone() {
        sim.clock().set(T0);
        String job = job(Technicians.OPEN);
        String posted =
                client.post("api/JobApproval", obj("jobs_id", job)).json().getString("id");
        String seeded = sim.put("JobApproval", obj("jobs_id", job, "is_daily_approval", false))
                .getString("id");
        client.post("api/JobApproval", obj("jobs_id", job, "is_daily_approval", true));
        sim.put("JobApproval", obj("jobs_id", job, "is_daily_approval", true));

        assertEquals(2, sim.pendingPdfs());
        sim.clock().advance(Duration.ofHours(2));

        assertEquals(
                Set.of(posted, seeded),
                client.get(PDF_FILTER).value().stream()
                        .map(file -> file.asJsonObject().getString("id_in_table"))
                        .collect(Collectors.toSet()));
        assertEquals(0, sim.pendingPdfs());
    }

    @Test
    void replacingAnApprovalDoesNotScheduleASecondPdf() {
        sim.clock().set(T0);
        String job = job(Technicians.OPEN);
        JsonObject approval = sim.put("JobApproval", obj("jobs_id", job));
        sim.put("JobApproval", obj("id", approval.getString("id"), "jobs_id", job));
        client.put("api/JobApproval/" + approval.getString("id"), obj("jobs_id", job));

        sim.clock().advance(Duration.ofMinutes(1));

        assertEquals(1, sim.records("DbFile").size());
    }

    @Test
    void theDelayIsConfigurableAndSurvivesResetWhichForgetsPendingPdfs() {
        sim.pdfDelay(Duration.ofMinutes(15));
        sim.clock().set(T0);
        completeAJob();

        sim.reset();
        assertEquals(0, sim.pendingPdfs());
        assertEquals(Duration.ofMinutes(15), sim.pdfDelay());
        String approvalId = completeAJob();
        sim.clock().advance(Duration.ofMinutes(15).minusMillis(1));
        int beforeDue = client.get(PDF_FILTER).value().size();
        sim.clock().advance(Duration.ofMillis(1));
        List<JsonObject> files = sim.records("DbFile");

        assertEquals(0, beforeDue);
        assertEquals(1, files.size());
        assertEquals(approvalId, files.get(0).getString("id_in_table"));
        assertThrows(IllegalArgumentException.class, () -> sim.pdfDelay(Duration.ofSeconds(-1)));
    }

    @Test
    void concurrentReadersProduceEachDuePdfExactlyOnce() throws Exception {
        sim.clock().set(T0);
        String job = job(Technicians.OPEN);
        for (int i = 0; i < 10; i++) {
            sim.put("JobApproval", obj("jobs_id", job));
        }
        sim.clock().advance(Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client.get(PDF_FILTER).status();
                }));
            }
            go.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonObject> files = sim.records("DbFile");
        assertEquals(10, files.size());
        assertEquals(
                10,
                files.stream()
                        .map(file -> file.getString("id_in_table"))
                        .distinct()
                        .count());
    }

    @Test
    void theDocumentIsAWellFormedPdfWhoseCrossReferencesPointAtItsObjects() {
        String pdf = new String(
                ApprovalPdfs.document("11111111-2222-3333-4444-555555555555", Guids.ZERO), StandardCharsets.US_ASCII);

        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(pdf);
        assertTrue(startxref.find(), pdf);
        int xref = Integer.parseInt(startxref.group(1));
        assertTrue(pdf.startsWith("xref\n0 6\n", xref), pdf);
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(pdf.substring(xref));
        int object = 1;
        while (entries.find()) {
            int offset = Integer.parseInt(entries.group(1));
            assertTrue(pdf.startsWith(object + " 0 obj\n", offset), "object " + object + " not at " + offset);
            object++;
        }
        assertEquals(6, object);
        Matcher stream = Pattern.compile("/Length (\\d+) >>\nstream\n(.*)\nendstream", Pattern.DOTALL)
                .matcher(pdf);
        assertTrue(stream.find(), pdf);
        assertEquals(Integer.parseInt(stream.group(1)), stream.group(2).length());
        assertTrue(stream.group(2).contains("11111111-2222-3333-4444-555555555555"));
        assertFalse(pdf.chars().anyMatch(c -> c > 127));
    }

    private static String completeAJob() {
        return sim.technicians()
                .complete(job(Technicians.PLANNED), user("T" + Guids.random()), List.of(), List.of())
                .getString("id");
    }
}
