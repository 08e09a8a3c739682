package com.fieldsync.demo;

import com.fieldsync.sim.odyssee.OdysseeSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn -Pbench verify}: rerunnable figures, one {@code BENCH} line each, medians of several
 * runs on this machine. Payara Micro with FieldSync and the demo ERP on H2, the Odyssee simulator on
 * loopback in this JVM.
 *
 * <ul>
 *   <li>{@code micro_ready_ms}: process start until readiness answers UP.
 *   <li>{@code drain_changes_per_s}: a backlog of new customers queued while Odyssee refuses the
 *       credentials, then released: created records per second until the platform has them all.
 *   <li>{@code latency_p50_ms} / {@code latency_p99_ms} / {@code calls_per_change}: the demo's
 *       traffic mix at a fixed rate, measured from the ERP save to the simulator's receipt.
 *   <li>{@code export_approvals_per_s}: a backlog of work orders completed on Odyssee at once, each
 *       with one to three parts and an hour line: approvals booked by the ERP per second, from the
 *       moment they exist until the last one is booked (feeds polled every 200 ms).
 * </ul>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("demo.dir", "target/demo")).toAbsolutePath();
        int runs = Integer.getInteger("bench.runs", 5);
        int backlog = Integer.getInteger("bench.backlog", 2_000);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "50"));
        int seconds = Integer.getInteger("bench.seconds", 15);
        String password = Demo.secret();
        String auth = "fieldsync:" + password + "@demo";

        List<Double> ready = new ArrayList<>();
        List<Double> drain = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> callsPerChange = new ArrayList<>();
        List<Double> exportRate = new ArrayList<>();
        int exportBacklog = Integer.getInteger("bench.export-backlog", 300);
        // -Dbench.only=export,latency runs just those groups (ready, drain, latency, export)
        String onlyGroups = System.getProperty("bench.only", "");
        java.util.function.Predicate<String> only =
                group -> onlyGroups.isBlank() || List.of(onlyGroups.split(",")).contains(group);
        try (OdysseeSimulator sim = OdysseeSimulator.start("127.0.0.1", Demo.port(8099))) {
            sim.requireBasicAuth(auth);
            Path postBoot = Demo.writePostBoot(
                    dir,
                    sim.baseUrl(),
                    password,
                    Demo.secret(),
                    Map.of("fieldsync.auth.probe-interval-ms", "100", "fieldsync.inbound.poll-interval-ms", "200"));
            for (int boot = 0; boot < (only.test("ready") ? Math.min(runs, 3) : 0); boot++) {
                try (MicroServer micro = start(dir, postBoot)) {
                    ready.add((double) micro.awaitReady(Duration.ofSeconds(180)));
                }
            }
            try (MicroServer micro = start(dir, postBoot)) {
                micro.awaitReady(Duration.ofSeconds(180));
                ErpClient erp = new ErpClient(micro.baseUrl());
                warmUp(erp, sim);
                for (int run = 0; run < (only.test("drain") ? runs : 0); run++) {
                    drain.add(drain(erp, sim, auth, backlog, "B" + run + "-"));
                    System.out.printf(Locale.ROOT, "bench: drain run %d: %.1f changes/s%n", run + 1, drain.get(run));
                }
                for (int run = 0; run < (only.test("latency") ? runs : 0); run++) {
                    sim.clearCalls();
                    LoadGenerator load = new LoadGenerator(erp, 4, rate, "L" + run + "-");
                    long start = System.nanoTime();
                    load.run(start + TimeUnit.SECONDS.toNanos(seconds));
                    List<Change> changes = load.changes();
                    Reconciler.Summary s = awaitDelivered(erp, sim, changes, start);
                    System.out.printf(Locale.ROOT, "bench: latency run %d: %s%n", run + 1, s.line("bench"));
                    p50.add(s.p50Millis());
                    p99.add(s.p99Millis());
                    callsPerChange.add(s.callsPerChange());
                }
                for (int run = 0; run < (only.test("export") ? runs : 0); run++) {
                    exportRate.add(export(erp, sim, exportBacklog, "E" + run + "-"));
                    System.out.printf(
                            Locale.ROOT, "bench: export run %d: %.1f approvals/s%n", run + 1, exportRate.get(run));
                }
            }
        }
        print("micro_ready_ms", ready, "ms");
        print("drain_changes_per_s", drain, "changes/s");
        print("latency_p50_ms_at_" + (int) rate + "_per_s", p50, "ms");
        print("latency_p99_ms_at_" + (int) rate + "_per_s", p99, "ms");
        print("calls_per_change", callsPerChange, "calls");
        print("export_approvals_per_s", exportRate, "approvals/s");
    }

    /** Approvals booked per second from a backlog completed at once. */
    private static double export(ErpClient erp, OdysseeSimulator sim, int backlog, String prefix) throws Exception {
        TechnicianCrew crew = new TechnicianCrew(erp, sim, 4, 1, prefix);
        crew.setUp();
        crew.plan(backlog);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (crew.jobsArrived() < backlog) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("work orders not on Odyssee in 300 s: " + crew.jobsArrived());
            }
            Thread.sleep(50);
        }
        long start = System.nanoTime();
        crew.completeRemaining(deadline);
        TechnicianCrew.Summary s = crew.summary();
        while (s.applied() < backlog) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("approvals not booked in 300 s: " + s.line());
            }
            Thread.sleep(250); // reading every booked line is not free: do not measure the reading
            s = crew.summary();
        }
        double rate = backlog / ((System.nanoTime() - start) / 1e9);
        if (s.duplicates() > 0) {
            throw new IllegalStateException("duplicates while measuring: " + s.line());
        }
        return rate;
    }

    private static MicroServer start(Path dir, Path postBoot) throws Exception {
        return MicroServer.start(
                dir.resolve("payara-micro.jar"), dir.resolve("fieldsync-demo.war"), Demo.port(8080), postBoot, dir);
    }

    /** A few hundred changes first, so that JIT compilation is not what the runs measure. */
    private static void warmUp(ErpClient erp, OdysseeSimulator sim) throws Exception {
        LoadGenerator load = new LoadGenerator(erp, 4, 100, "W-");
        long start = System.nanoTime();
        load.run(start + TimeUnit.SECONDS.toNanos(10));
        awaitDelivered(erp, sim, load.changes(), start);
    }

    private static double drain(ErpClient erp, OdysseeSimulator sim, String auth, int backlog, String prefix)
            throws Exception {
        sim.requireBasicAuth("nobody:wrong@demo");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                String key = prefix + i;
                saves.add(pool.submit(() -> {
                    erp.save("customer", key, Map.of("name", "backlog " + key));
                    return null;
                }));
            }
            for (Future<?> f : saves) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long start = System.nanoTime();
        sim.requireBasicAuth(auth);
        long deadline = start + TimeUnit.SECONDS.toNanos(300);
        while (count(sim, prefix) < backlog) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("backlog not drained in 300 s: " + count(sim, prefix) + "/" + backlog);
            }
            Thread.sleep(50);
        }
        return backlog / ((System.nanoTime() - start) / 1e9);
    }

    private static long count(OdysseeSimulator sim, String prefix) {
        return sim.records("Company").stream()
                .filter(c -> c.getString("code").startsWith(prefix))
                .count();
    }

    private static Reconciler.Summary awaitDelivered(
            ErpClient erp, OdysseeSimulator sim, List<Change> changes, long measureFrom) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Reconciler.Summary s = Reconciler.reconcile(erp, sim, changes, measureFrom);
        while (s.lost() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not delivered in 120 s: " + s.line("bench"));
            }
            Thread.sleep(200);
            s = Reconciler.reconcile(erp, sim, changes, measureFrom);
        }
        if (s.duplicateCreates() > 0) {
            throw new IllegalStateException("duplicates: " + s.line("bench"));
        }
        return s;
    }

    private static void print(String name, List<Double> values, String unit) {
        if (values.isEmpty()) {
            return;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(
                Locale.ROOT,
                "BENCH %s median=%.1f min=%.1f max=%.1f unit=%s runs=%d%n",
                name,
                median,
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                unit,
                sorted.size());
    }
}
