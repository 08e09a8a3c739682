package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.SimClock;
import com.fieldsync.sim.common.Timestamps;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Odyssee's job-approval PDF queue: every non-daily {@code JobApproval} added (by the API, {@code put} or the
 * technicians) gets one PDF, a {@code DbFile} row ({@code file_type_name 'JOB_APPROVAL'}, {@code db_table_name
 * 'job_approval'}, {@code id_in_table} = the approval's id), but only once the sim clock has reached the approval's
 * stamp plus the {@link #delay() delay}: the real queue takes seconds to hours, and a connector must not expect the
 * PDF together with its approval. Daily approvals get none.
 *
 * <p>Lazy, because the clock can stand still and jump: nothing runs in the background; instead every read (API
 * request, Java or control read) first calls {@link #produceDue()}, which adds the PDFs due at {@code clock.now()}
 * stamped with that moment, as the real queue stamps a PDF when it makes it. The delay applies to approvals added
 * after it is set. Thread-safe: production runs under the store's lock, so a PDF is made once however many readers
 * race.
 */
final class ApprovalPdfs {
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);
    static final String FILE_TYPE = "JOB_APPROVAL";
    static final String TABLE = "job_approval";

    private static final ControllerDef APPROVAL = Controllers.require("JobApproval");
    private static final ControllerDef DB_FILE = Controllers.require(Controllers.DB_FILE);

    private final Store store;
    private final SimClock clock;
    /** In scheduling order; guarded by {@code this}. */
    private final List<Pending> pending = new ArrayList<>();

    private Duration delay = DEFAULT_DELAY;

    private ApprovalPdfs(Store store, SimClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A queue that hears of the store's new approvals. */
    static ApprovalPdfs attach(Store store, SimClock clock) {
        ApprovalPdfs pdfs = new ApprovalPdfs(store, clock);
        store.listen(pdfs::saved);
        return pdfs;
    }

    synchronized Duration delay() {
        return delay;
    }

    /** For approvals added from now on; zero makes a PDF due at once (still produced by the next read). */
    synchronized void delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the PDF delay cannot be negative: " + delay);
        }
        this.delay = delay;
    }

    /** PDFs scheduled and not yet produced, after producing the due ones. */
    int pending() {
        produceDue();
        synchronized (this) {
            return pending.size();
        }
    }

    /** Forgets the scheduled PDFs (the delay stays). */
    synchronized void clear() {
        pending.clear();
    }

    /** Adds the {@code DbFile} of every PDF due at {@code clock.now()}, earliest due first. */
    void produceDue() {
        if (isIdle()) {
            return;
        }
        store.atomically(() -> {
            for (Pending pdf : takeDue(clock.now())) {
                // an approval replaced meanwhile by a daily one, or gone, gets no PDF
                store.find(APPROVAL, pdf.approvalId())
                        .filter(approval -> !approval.getBoolean("is_daily_approval"))
                        .ifPresent(approval -> store.add(DB_FILE, file(approval)));
            }
            return null;
        });
    }

    private synchronized boolean isIdle() {
        return pending.isEmpty();
    }

    private synchronized List<Pending> takeDue(Instant now) {
        List<Pending> due = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending pdf = it.next();
            if (!pdf.dueAt().isAfter(now)) {
                due.add(pdf);
                it.remove();
            }
        }
        // stable: PDFs due at the same instant keep their approvals' order
        due.sort(Comparator.comparing(Pending::dueAt));
        return due;
    }

    private void saved(ControllerDef def, JsonObject previous, JsonObject row) {
        if (def != APPROVAL || previous != null || row.getBoolean("is_daily_approval")) {
            return;
        }
        Instant approvedAt =
                Timestamps.parse(row.getString(ControllerDef.MODIFIED)).orElseThrow();
        synchronized (this) {
            pending.add(new Pending(row.getString(ControllerDef.ID), approvedAt.plus(delay)));
        }
    }

    private static JsonObject file(JsonObject approval) {
        String id = approval.getString(ControllerDef.ID);
        return Json.createObjectBuilder()
                .add("file_name", "approval-" + id + ".pdf")
                .add("file_type_name", FILE_TYPE)
                .add("db_table_name", TABLE)
                .add("id_in_table", id)
                .add("file_content", Base64.getEncoder().encodeToString(document(id, approval.getString("jobs_id"))))
                .build();
    }

    /**
     * A one-page PDF 1.4 naming the approval and its job, with a correct cross-reference table: small, but a PDF a
     * reader opens, so that a connector storing or forwarding it handles a real document.
     */
    static byte[] document(String approvalId, String jobsId) {
        String text = "BT /F1 14 Tf 72 770 Td (Job approval " + approvalId + ") Tj 0 -20 Td (Job " + jobsId + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
                        + " /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length()); // ASCII only, so characters are bytes
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private record Pending(String approvalId, Instant dueAt) {}
}
