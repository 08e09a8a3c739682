package com.fieldsync.demo;

import com.fieldsync.sim.odyssee.OdysseeSimulator;
import com.fieldsync.sim.resco.Hook;
import com.fieldsync.sim.resco.RescoSimulator;
import com.fieldsync.sim.resco.WebhookDelivery;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code mvn -Pdemo verify}: the Odyssee and Resco simulators and Payara Micro running FieldSync
 * with the demo ERP on embedded H2, configured through JNDI the way an admin would, and ERP traffic
 * until Ctrl-C. Simulated technicians complete the work orders the ERP plans, and their approvals
 * and PDFs come back; a simulated Resco user edits synced accounts, and the edits come back. With
 * {@code -Ddemo.seconds=N}: N seconds of traffic, then the queues drain, one {@code DEMO} line per
 * flow is printed, everything is stopped, and the exit is non-zero if anything was lost or
 * duplicated.
 */
public final class Demo {

    public static final String ADMIN_USER = "fieldsync-admin";
    private static final String RESCO_USER = "fieldsync";
    /** The entity sets FieldSync maps by default: it registers its webhooks on each. */
    private static final Set<String> RESCO_SETS = Set.of("account", "contact", "product", "resco_workorder");

    private Demo() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("demo.dir", "target/demo")).toAbsolutePath();
        long seconds = Long.parseLong(System.getProperty("demo.seconds", "0"));
        double rate = Double.parseDouble(System.getProperty("demo.rate", "50"));
        int erpPort = port(Integer.getInteger("demo.port", 8080));
        int simPort = port(Integer.getInteger("demo.odyssee.port", 8099));
        int rescoPort = port(Integer.getInteger("demo.resco.port", RescoSimulator.DEFAULT_PORT));
        String odysseePassword = secret();
        String rescoPassword = secret();
        String adminPassword = secret();

        try (OdysseeSimulator sim = OdysseeSimulator.start("127.0.0.1", simPort);
                RescoSimulator resco =
                        RescoSimulator.start("127.0.0.1", rescoPort, RescoSimulator.DEFAULT_ORGANIZATION)) {
            sim.requireBasicAuth("fieldsync:" + odysseePassword + "@demo");
            resco.requireBasicAuth(RESCO_USER, rescoPassword);
            Map<String, String> rescoConfig = new HashMap<>();
            rescoConfig.put("fieldsync.resco.enabled", "true");
            rescoConfig.put("fieldsync.resco.url", resco.baseUrl());
            rescoConfig.put("fieldsync.resco.username", RESCO_USER);
            rescoConfig.put("fieldsync.resco.password", rescoPassword);
            // Resco calls FieldSync back at the server's root, where the demo WAR is deployed
            rescoConfig.put("fieldsync.resco.webhook.callback-url", "http://127.0.0.1:" + erpPort + "/");
            // the simulator starts empty: every change made on it is the demo's
            rescoConfig.put("fieldsync.resco.inbound.start-from", "2000-01-01T00:00:00Z");
            Path postBoot = writePostBoot(dir, sim.baseUrl(), odysseePassword, adminPassword, rescoConfig);
            try (MicroServer micro = MicroServer.start(
                    dir.resolve("payara-micro.jar"), dir.resolve("fieldsync-demo.war"), erpPort, postBoot, dir)) {
                Runtime.getRuntime().addShutdownHook(new Thread(micro::close, "demo-stop-micro"));
                System.out.println("Starting Payara Micro with FieldSync and the demo ERP (log: " + micro.log() + ")");
                long readyMillis;
                try {
                    readyMillis = micro.awaitReady(Duration.ofSeconds(180));
                } catch (IllegalStateException e) {
                    System.out.println(micro.logTail());
                    throw e;
                }
                String base = micro.baseUrl();
                System.out.println("FieldSync demo is up (Payara Micro ready in " + readyMillis + " ms)");
                System.out.println(
                        "  demo ERP API      " + base + "erp/records/customer   (PUT {key} with JSON to save)");
                System.out.println("  FieldSync admin   " + base + "api/admin/status   (user " + ADMIN_USER
                        + ", password " + adminPassword + ")");
                System.out.println("  health            " + base + "health/ready");
                System.out.println("  Odyssee simulator " + sim.baseUrl() + "_sim/records/Company");
                System.out.println("  Resco simulator   " + resco.serverUrl() + "_sim/records/account");
                awaitHooks(resco);
                run(new ErpClient(base), sim, resco, seconds, rate);
            }
        }
    }

    private static void run(ErpClient erp, OdysseeSimulator sim, RescoSimulator resco, long seconds, double rate)
            throws Exception {
        LoadGenerator load = new LoadGenerator(erp, 4, rate);
        double workOrderRate = Double.parseDouble(System.getProperty("demo.work-orders.rate", "3"));
        TechnicianCrew crew = new TechnicianCrew(erp, sim, 4, workOrderRate, "D-");
        long mobileEditMillis = Long.getLong("demo.resco.edit-interval-ms", 300);
        RescoMobileUser mobile =
                new RescoMobileUser(resco, mobileEditMillis, Integer.getInteger("demo.resco.accounts", 20), "D-");
        sim.pdfDelay(Duration.ofSeconds(2));
        crew.setUp();
        mobile.setUp(erp);
        long until = seconds <= 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread technicians = new Thread(
                () -> {
                    try {
                        crew.run(until);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "demo-technicians");
        technicians.setDaemon(true);
        technicians.start();
        Thread rescoUser = new Thread(
                () -> {
                    try {
                        mobile.run(until);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "demo-resco-mobile-user");
        rescoUser.setDaemon(true);
        rescoUser.start();
        if (seconds <= 0) {
            System.out.println("Generating ERP changes at " + rate + "/s and " + workOrderRate
                    + " work orders/s that technicians complete on Odyssee; a Resco user edits an account every "
                    + mobileEditMillis + " ms; Ctrl-C stops everything.");
            System.out.println("  booked from mobile " + "GET erp/inbound/lines");
            load.run(Long.MAX_VALUE);
            return;
        }
        System.out.println("Generating ERP changes at " + rate + "/s and " + workOrderRate + " work orders/s for "
                + seconds + " s; a Resco user edits an account every " + mobileEditMillis + " ms");
        long start = System.nanoTime();
        load.run(until);
        technicians.join(TimeUnit.SECONDS.toMillis(30));
        rescoUser.join(TimeUnit.SECONDS.toMillis(30));
        double trafficSeconds = (System.nanoTime() - start) / 1e9;
        List<Change> changes = load.changes();
        long warmup = Math.min(Long.getLong("demo.warmup.seconds", 5), seconds / 2);
        Reconciler.Summary summary = drain(erp, sim, changes, start + TimeUnit.SECONDS.toNanos(warmup));
        double drainedSeconds = (System.nanoTime() - start) / 1e9;
        if (!summary.mismatches().isEmpty()) {
            System.out.println("Records that differ between the ERP and the platform:");
            summary.mismatches().forEach(m -> System.out.println("  " + m));
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "demo: %d ERP changes in %.1f s of traffic, all delivered after %.1f s; %d load errors%n",
                changes.size(),
                trafficSeconds,
                drainedSeconds,
                load.failures.get());
        System.out.println(summary.line("odyssee"));
        long exportDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        crew.completeRemaining(exportDeadline);
        TechnicianCrew.Summary export = crew.drain(exportDeadline);
        System.out.println(export.line());
        RescoSummary rescoSummary = drainResco(erp, resco, mobile, changes);
        System.out.println(rescoSummary.line());
        if (summary.lost() > 0 || summary.duplicateCreates() > 0 || load.failures.get() > 0 || changes.isEmpty()) {
            throw new IllegalStateException(
                    "the demo lost, duplicated or failed to make changes: " + summary.line("odyssee"));
        }
        if (!export.complete() || export.duplicates() > 0 || export.approvals() == 0 || crew.failures.get() > 0) {
            throw new IllegalStateException("the demo lost, duplicated or failed to bring back work: " + export.line()
                    + " (technician errors: " + crew.failures.get() + ")");
        }
        if (!rescoSummary.ok()) {
            throw new IllegalStateException("the demo lost or duplicated on Resco: " + rescoSummary.line()
                    + " (mobile user errors: " + mobile.failures.get() + ")");
        }
    }

    /**
     * Both Resco directions at the end of a run: {@code lost} counts the ERP changes whose record
     * is missing or differs on Resco plus the edited accounts whose last edit did not reach the
     * ERP.
     */
    private record RescoSummary(RescoReconciler.Summary out, RescoMobileUser.Summary back, long webhooks) {

        long lost() {
            return out.lost() + back.lost().size();
        }

        boolean ok() {
            return lost() == 0
                    && out.duplicateCreates() == 0
                    && back.duplicateBookings() == 0
                    && out.erpChanges() > 0
                    && back.edits() > 0;
        }

        String line() {
            return "DEMO resco: erp_changes=" + out.erpChanges() + " delivered=" + out.delivered() + " lost=" + lost()
                    + " duplicate_creates=" + out.duplicateCreates() + " webhooks=" + webhooks + " inbound_applied="
                    + back.applied();
        }
    }

    /**
     * Compares until Resco holds every ERP record and the ERP every account's last mobile edit, or
     * 90 s pass; then says what differs.
     */
    private static RescoSummary drainResco(
            ErpClient erp, RescoSimulator resco, RescoMobileUser mobile, List<Change> changes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long start = System.nanoTime();
        RescoReconciler.Summary out = RescoReconciler.reconcile(erp, resco, changes);
        RescoMobileUser.Summary back = mobile.check(erp);
        while ((out.lost() > 0 || !back.lost().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            out = RescoReconciler.reconcile(erp, resco, changes);
            back = mobile.check(erp);
        }
        resco.awaitWebhooks(Duration.ofSeconds(10));
        long webhooks = resco.webhookDeliveries().stream()
                .filter(WebhookDelivery::delivered)
                .count();
        if (!out.mismatches().isEmpty()) {
            System.out.println("Records that differ between the ERP and Resco:");
            out.mismatches().forEach(m -> System.out.println("  " + m));
        }
        if (!back.lost().isEmpty()) {
            System.out.println("Resco edits that did not reach the ERP:");
            back.lost().forEach(m -> System.out.println("  " + m));
        }
        if (back.duplicateBookings() > 0) {
            System.out.println("Resco edits the ERP booked more than once: " + back.duplicateBookings());
        }
        if (back.otherBookings() > 0) {
            System.out.println("Mobile changes the ERP booked for records nobody edited on Resco (FieldSync's own"
                    + " pushes coming back): " + back.otherBookings());
        }
        System.out.printf(
                Locale.ROOT,
                "resco: %d mobile edits of %d accounts, %d webhook callbacks missed or refused; compared after %.1f s;"
                        + " %d mobile user errors%n",
                back.edits(),
                back.accounts(),
                resco.webhookDeliveries().size() - webhooks,
                (System.nanoTime() - start) / 1e9,
                mobile.failures.get());
        return new RescoSummary(out, back, webhooks);
    }

    /** Waits (a minute at most) until FieldSync registered webhooks on every mapped entity set. */
    private static void awaitHooks(RescoSimulator resco) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Set<String> registered = Set.of();
        while (System.nanoTime() < deadline) {
            registered = resco.hooks().stream().map(Hook::entity).collect(Collectors.toSet());
            if (registered.containsAll(RESCO_SETS)) {
                return;
            }
            Thread.sleep(250);
        }
        System.out.println("FieldSync registered webhooks on " + registered + " only, not on all of " + RESCO_SETS
                + " within 60 s; Resco changes elsewhere arrive by polling");
    }

    /** Compares until the platform holds everything the ERP committed, or 90 s pass. */
    private static Reconciler.Summary drain(ErpClient erp, OdysseeSimulator sim, List<Change> changes, long measureFrom)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Reconciler.Summary summary = Reconciler.reconcile(erp, sim, changes, measureFrom);
        while (summary.lost() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            summary = Reconciler.reconcile(erp, sim, changes, measureFrom);
        }
        return summary;
    }

    /**
     * The JNDI configuration an admin would apply with asadmin (see src/asadmin/ in the project),
     * plus an admin user in the file realm.
     */
    public static Path writePostBoot(
            Path dir, String odysseeUrl, String odysseePassword, String adminPassword, Map<String, String> extra)
            throws IOException {
        Files.createDirectories(dir);
        Path passwordFile = dir.resolve("admin-password.txt");
        Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=" + adminPassword + "\n");
        String commands = String.join(
                "\n",
                jndi("fieldsync.odyssee.url", odysseeUrl),
                jndi("fieldsync.odyssee.username", "fieldsync"),
                jndi("fieldsync.odyssee.password", odysseePassword),
                jndi("fieldsync.odyssee.domain", "demo"),
                "create-file-user --groups fieldsync-admin --passwordfile " + passwordFile + " " + ADMIN_USER,
                "");
        StringBuilder more = new StringBuilder();
        extra.forEach((k, v) -> more.append(jndi(k, v)).append('\n'));
        commands = commands + more;
        Path file = dir.resolve("post-boot-commands.asadmin");
        Files.writeString(file, commands);
        return file;
    }

    /** The same command form as the shipped src/asadmin/fieldsync-config.asadmin: no escaping needed. */
    private static String jndi(String key, String value) {
        return "set-config-property --source=jndi --propertyName=" + key + " --propertyValue=" + value;
    }

    public static String secret() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The preferred port if it is free on loopback, else any free one. */
    public static int port(int preferred) throws IOException {
        try (ServerSocket s = new ServerSocket(preferred, 1, java.net.InetAddress.getLoopbackAddress())) {
            return preferred;
        } catch (IOException busy) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
    }
}
