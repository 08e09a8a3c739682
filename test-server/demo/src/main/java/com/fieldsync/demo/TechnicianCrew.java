package com.fieldsync.demo;

import com.fieldsync.sim.odyssee.OdysseeSimulator;
import com.fieldsync.sim.odyssee.Technicians;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The other direction of the demo: the ERP plans work orders for a crew of technicians, FieldSync
 * sends them to Odyssee as jobs, the simulated technicians complete them there with parts and
 * hours, and FieldSync brings each approval, then its PDF, back into the ERP. Judged from the
 * outside: the approvals the technicians made against the lines the ERP booked.
 */
public final class TechnicianCrew {

    private static final String OPEN = Technicians.OPEN.toLowerCase(Locale.ROOT);

    private final ErpClient erp;
    private final OdysseeSimulator sim;
    private final int technicians;
    private final double workOrdersPerSecond;
    private final String prefix;
    private final Random random = new Random(42);
    private final Set<String> approvals = ConcurrentHashMap.newKeySet();
    private final Set<String> completedJobs = new HashSet<>();
    public final AtomicLong failures = new AtomicLong();
    private int workOrders;

    public TechnicianCrew(
            ErpClient erp, OdysseeSimulator sim, int technicians, double workOrdersPerSecond, String prefix) {
        this.erp = erp;
        this.sim = sim;
        this.technicians = technicians;
        this.workOrdersPerSecond = workOrdersPerSecond;
        this.prefix = prefix;
    }

    /** The ERP's master data for the crew: technicians, articles, a customer and a project. */
    public void setUp() throws IOException, InterruptedException {
        for (int t = 0; t < technicians; t++) {
            erp.save(
                    "user",
                    prefix + "TECH-" + t,
                    Map.of("username", "tech" + t, "firstname", "Tech", "lastname", "No " + t));
        }
        erp.save("article_category", prefix + "PARTS", Map.of("name", "Spare parts"));
        for (int a = 0; a < 5; a++) {
            erp.save(
                    "article",
                    prefix + "PART-" + a,
                    Map.of("description", "Part " + a, "price", String.valueOf(10 + a), "category", prefix + "PARTS"));
        }
        erp.save("customer", prefix + "CUST", Map.of("name", "Service customer"));
        erp.save("project", prefix + "PROJ", Map.of("name", "Service contract", "customer", prefix + "CUST"));
    }

    /** Plans work orders and completes the jobs that reached Odyssee, until {@code untilNanos}. */
    public void run(long untilNanos) throws InterruptedException {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / workOrdersPerSecond);
        long next = System.nanoTime();
        while (System.nanoTime() < untilNanos) {
            try {
                planWorkOrder();
                completeArrivedJobs();
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                System.out.println("demo technicians: " + e.getMessage());
            }
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
    }

    /** After the traffic: the jobs still arriving are completed, so every planned work order comes back. */
    public void completeRemaining(long untilNanos) throws InterruptedException {
        while (System.nanoTime() < untilNanos && completedJobs.size() < workOrders) {
            completeArrivedJobs();
            Thread.sleep(200);
        }
    }

    /** Plans {@code n} work orders at once (a backlog for the bench). */
    public void plan(int n) throws IOException, InterruptedException {
        for (int i = 0; i < n; i++) {
            planWorkOrder();
        }
    }

    /** How many of the planned work orders Odyssee holds as open jobs. */
    public long jobsArrived() {
        return sim.records("Jobs").stream()
                .filter(j -> j.getString("reference_back_office").startsWith(prefix + "WO-"))
                .count();
    }

    private void planWorkOrder() throws IOException, InterruptedException {
        int n = workOrders++;
        erp.save(
                "work_order",
                prefix + "WO-" + n,
                Map.of(
                        "description", "Service visit " + n,
                        "project", prefix + "PROJ",
                        "technician", prefix + "TECH-" + (n % technicians),
                        "status", "OPEN"));
    }

    private void completeArrivedJobs() {
        Map<String, String> users = ids("User");
        List<String> articles = new ArrayList<>(ids("Article").entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix + "PART-"))
                .map(Map.Entry::getValue)
                .toList());
        if (articles.isEmpty()) {
            return;
        }
        for (JsonObject job : sim.records("Jobs")) {
            String key = job.getString("reference_back_office");
            String id = job.getString("id");
            if (!key.startsWith(prefix + "WO-")
                    || completedJobs.contains(id)
                    || !OPEN.equalsIgnoreCase(job.getString("job_status_id"))) {
                continue;
            }
            String technician = users.get(
                    prefix + "TECH-" + (Integer.parseInt(key.substring((prefix + "WO-").length())) % technicians));
            if (technician == null) {
                continue;
            }
            List<Technicians.PartUse> parts = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(3); p++) {
                parts.add(
                        new Technicians.PartUse(articles.get(random.nextInt(articles.size())), 1 + random.nextInt(4)));
            }
            JsonObject approval = sim.technicians()
                    .complete(
                            id,
                            technician,
                            parts,
                            List.of(new Technicians.TimeUse(null, 0.5 + random.nextInt(6) / 2.0)));
            approvals.add(approval.getString("id"));
            completedJobs.add(id);
        }
    }

    private Map<String, String> ids(String controller) {
        Map<String, String> byCode = new HashMap<>();
        sim.records(controller).forEach(r -> byCode.put(r.getString("code"), r.getString("id")));
        return byCode;
    }

    /** What came back, judged by the ERP's booked lines. */
    public record Summary(long approvals, long applied, long lost, long duplicates, long pdfs) {
        public String line() {
            return "DEMO odyssee-export: approvals=" + approvals + " applied=" + applied + " lost=" + lost
                    + " duplicates=" + duplicates + " pdfs=" + pdfs;
        }

        public boolean complete() {
            return lost == 0 && pdfs == approvals;
        }
    }

    public Summary summary() throws IOException, InterruptedException {
        Map<String, Integer> completed = new HashMap<>();
        Map<String, Integer> pdfs = new HashMap<>();
        for (JsonValue v : erp.inboundLines()) {
            JsonObject line = v.asJsonObject();
            String approval = line.getString("approvalId");
            if (!approvals.contains(approval)) {
                continue;
            }
            switch (line.getString("kind")) {
                case "COMPLETED" -> completed.merge(approval, 1, Integer::sum);
                case "PDF" -> pdfs.merge(approval, 1, Integer::sum);
                default -> {}
            }
        }
        long duplicates = completed.values().stream().mapToLong(n -> n - 1).sum()
                + pdfs.values().stream().mapToLong(n -> n - 1).sum();
        return new Summary(
                approvals.size(), completed.size(), approvals.size() - completed.size(), duplicates, pdfs.size());
    }

    /** Waits until every approval and PDF is booked, or the deadline passes. */
    public Summary drain(long untilNanos) throws IOException, InterruptedException {
        Summary s = summary();
        while (!s.complete() && System.nanoTime() < untilNanos) {
            Thread.sleep(500);
            s = summary();
        }
        return s;
    }
}
