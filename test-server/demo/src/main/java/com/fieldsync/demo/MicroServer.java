package com.fieldsync.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Payara Micro child process with one WAR deployed at the root context, stopped on close. */
public final class MicroServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private MicroServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts from a fresh root directory: no configuration or data left over from an earlier run. */
    public static MicroServer start(Path microJar, Path war, int port, Path postBoot, Path workDir) throws IOException {
        return launch(microJar, war, port, postBoot, workDir, true);
    }

    /**
     * Starts again on the root directory of an earlier run, as an admin restarts a server: its
     * configuration, deployed WAR, H2 database and outbox included.
     */
    public static MicroServer restart(Path microJar, Path war, int port, Path postBoot, Path workDir)
            throws IOException {
        return launch(microJar, war, port, postBoot, workDir, false);
    }

    private static MicroServer launch(Path microJar, Path war, int port, Path postBoot, Path workDir, boolean fresh)
            throws IOException {
        Path log = workDir.resolve("payara-micro.log");
        Path root = workDir.resolve("micro-root");
        if (fresh && Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // e.g. -Ddemo.micro.jvm="-XX:StartFlightRecording=filename=micro.jfr" to profile a run
        for (String option : System.getProperty("demo.micro.jvm", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                cmd.add(option);
            }
        }
        cmd.addAll(List.of(
                "-jar",
                microJar.toString(),
                "--nocluster",
                "--port",
                Integer.toString(port),
                "--rootdir",
                workDir.resolve("micro-root").toString()));
        if (fresh) {
            // A restart finds its configuration and the deployed WAR in the root directory.
            cmd.addAll(List.of(
                    "--postbootcommandfile", postBoot.toString(), "--deploy", war.toString(), "--contextroot", "/"));
        }
        Process p = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        fresh
                                ? ProcessBuilder.Redirect.to(log.toFile())
                                : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new MicroServer(p, port, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    Path log() {
        return log;
    }

    /** Waits until readiness answers UP; returns the milliseconds since the process started. */
    public long awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "Payara Micro not ready within " + timeout + " (last: " + last + "); see " + log + "; " + threadDump());
    }

    /**
     * Writes the server's threads next to its log ({@code jcmd <pid> Thread.print}), so that a
     * server that does not answer can be explained afterwards; says where, or why not.
     */
    public String threadDump() {
        if (!process.isAlive()) {
            return "no thread dump: the process has exited";
        }
        Path dump = log.resolveSibling("thread-dump-" + System.currentTimeMillis() + ".txt");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(dump.toFile())
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "thread dump timed out: " + dump;
            }
            return "thread dump: " + dump;
        } catch (IOException e) {
            return "no thread dump (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Kills the server the hard way (SIGKILL): no shutdown hooks, no commits in flight finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
