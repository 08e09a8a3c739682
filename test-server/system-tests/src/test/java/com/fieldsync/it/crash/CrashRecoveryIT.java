package com.fieldsync.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.demo.Change;
import com.fieldsync.demo.Demo;
import com.fieldsync.demo.ErpClient;
import com.fieldsync.demo.LoadGenerator;
import com.fieldsync.demo.MicroServer;
import com.fieldsync.demo.Reconciler;
import com.fieldsync.it.Await;
import com.fieldsync.sim.odyssee.OdysseeSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kills Payara Micro (SIGKILL) while the ERP is saving and FieldSync is sending, restarts it on the
 * same H2 database, and compares the ERP with Odyssee afterwards: every committed change arrives,
 * no record is created twice. Claims of the killed instance are taken over when their lease ends.
 */
class CrashRecoveryIT {

    @Test
    void killedAndRestartedServerLosesNothingAndCreatesNothingTwice() throws Exception {
        Path dir = Path.of("target", "crash-it").toAbsolutePath();
        Files.createDirectories(dir);
        Path jar = Path.of(System.getProperty("payara.microJar"));
        Path war = Path.of(System.getProperty("artifacts.dir"), "fieldsync-demo.war");
        String password = Demo.secret();
        try (OdysseeSimulator sim = OdysseeSimulator.start("127.0.0.1", 0)) {
            sim.requireBasicAuth("fieldsync:" + password + "@demo");
            Path postBoot = Demo.writePostBoot(
                    dir,
                    sim.baseUrl(),
                    password,
                    Demo.secret(),
                    Map.of("fieldsync.dispatch.lease-ms", "3000", "fieldsync.retry.max-delay-ms", "2000"));
            // Payara's default H2 pool delays writes by up to 500 ms (H2's WRITE_DELAY), so a killed
            // server would lose the last commits of the ERP itself. A durable setting, as any
            // production database has, makes "committed" mean committed.
            Files.writeString(
                    postBoot,
                    "set resources.jdbc-connection-pool.H2Pool.property.URL="
                            + "jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/embedded_default;AUTO_SERVER=TRUE;WRITE_DELAY=0\n",
                    java.nio.file.StandardOpenOption.APPEND);
            int port = Demo.port(18280);
            List<Change> before;
            try (MicroServer first = MicroServer.start(jar, war, port, postBoot, dir)) {
                first.awaitReady(Duration.ofSeconds(180));
                LoadGenerator load = new LoadGenerator(new ErpClient(first.baseUrl()), 4, 60);
                Thread traffic = new Thread(() -> {
                    try {
                        load.run(System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                traffic.start();
                // Kill while changes are being committed and sent, once some have gone through.
                Await.until(
                        Duration.ofSeconds(60),
                        "100 calls to Odyssee",
                        () -> sim.calls().size() >= 100);
                first.kill();
                load.stop();
                traffic.join(TimeUnit.SECONDS.toMillis(60));
                before = load.changes();
            }
            assertTrue(before.size() >= 100, "changes committed before the kill: " + before.size());
            try (MicroServer second = MicroServer.restart(jar, war, port, postBoot, dir)) {
                second.awaitReady(Duration.ofSeconds(180));
                ErpClient erp = new ErpClient(second.baseUrl());
                // Every save the ERP acknowledged before the kill reaches Odyssee: the platform shows
                // that revision of the record or a newer one.
                Map<String, Integer> acknowledged = new HashMap<>();
                for (Change c : before) {
                    acknowledged.merge(c.type() + "/" + c.key(), c.marker(), Math::max);
                }
                String[] missing = {""};
                Await.until(
                        "every acknowledged ERP save on Odyssee",
                        Duration.ofSeconds(90),
                        () -> {
                            missing[0] = missingOnOdyssee(sim, acknowledged);
                            return java.util.Optional.of(true).filter(ok -> missing[0].isEmpty());
                        },
                        () -> missing[0] + "\n" + second.logTail());
                Reconciler.Summary summary = reconcile(new ErpClient(second.baseUrl()), sim, before);
                assertEquals(0, summary.duplicateCreates(), summary.line("after-crash"));
            }
        }
    }

    private static Reconciler.Summary reconcile(ErpClient erp, OdysseeSimulator sim, List<Change> changes) {
        try {
            return Reconciler.reconcile(erp, sim, changes, Long.MAX_VALUE);
        } catch (Exception e) {
            throw new AssertionError("comparing the ERP with Odyssee failed", e);
        }
    }

    /** Type path to Odyssee controller and the field that carries the load generator's revision. */
    private static final Map<String, String[]> MARKED = Map.of(
            "customer", new String[] {"Company", "name"},
            "project_type", new String[] {"ProjectType", "name"},
            "project", new String[] {"Project", "name"},
            "article_category", new String[] {"ArticleCategory", "name"},
            "article", new String[] {"Article", "description"},
            "user", new String[] {"User", "lastname"});

    /** The records whose acknowledged revision Odyssee does not show yet; empty when none. */
    private static String missingOnOdyssee(OdysseeSimulator sim, Map<String, Integer> acknowledged) {
        Map<String, Integer> shown = new HashMap<>();
        MARKED.forEach((type, where) -> sim.records(where[0])
                .forEach(
                        r -> shown.put(type + "/" + r.getString("code"), LoadGenerator.marker(r.getString(where[1])))));
        StringBuilder missing = new StringBuilder();
        acknowledged.forEach((record, revision) -> {
            if (shown.getOrDefault(record, -1) < revision) {
                missing.append(record)
                        .append(" #")
                        .append(revision)
                        .append(" (Odyssee: ")
                        .append(shown.getOrDefault(record, -1))
                        .append(") ");
            }
        });
        return missing.toString();
    }
}
