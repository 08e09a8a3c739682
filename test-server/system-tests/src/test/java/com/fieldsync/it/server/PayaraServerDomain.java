package com.fieldsync.it.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh Payara Server 6 domain under {@code target/}, started on free loopback ports, for one
 * test class: create it with {@link #start(String)} in {@code @BeforeAll} and {@link #close()} it
 * in {@code @AfterAll}.
 *
 * <p>The domain is tuned before its first start so that it binds 127.0.0.1 only and makes no
 * outbound calls (Payara's and Hazelcast's phone home are off); see {@link DomainXmlTuning}. Every
 * wait is bounded; failures carry the asadmin output and the tail of {@code server.log}. Each asadmin
 * invocation's output is also kept as {@code <domainsDir>/<domain>.asadmin/NNN-<command>.log}.
 *
 * <p>Configured by system properties (Failsafe sets the first two): {@code payara.server.home} (the
 * unpacked {@code payara6} directory), {@code payara.domains.dir} (default {@code
 * target/payara-domains}), {@code payara.java.home} (the JDK for asadmin and the server, default the
 * running JVM's). Not thread-safe: one test thread drives one domain.
 */
public final class PayaraServerDomain implements AutoCloseable {

    /** System property naming the unpacked Payara Server directory ({@code .../payara6}). */
    public static final String HOME_PROPERTY = "payara.server.home";
    /** System property naming the directory in which domains are created. */
    public static final String DOMAINS_DIR_PROPERTY = "payara.domains.dir";
    /** System property naming the JDK that runs asadmin and the server. */
    public static final String JAVA_HOME_PROPERTY = "payara.java.home";

    private static final String LOOPBACK = DomainXmlTuning.LOOPBACK;
    private static final int LOG_TAIL_LINES = 80;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration KILL_GRACE = Duration.ofSeconds(20);
    private static final Pattern FAILED_COMMAND = Pattern.compile("(?m)^Command (\\S+) failed\\.\\s*$");

    private final Settings settings;
    private final String domainName;
    private final Path domainsDir;
    private final Path domainDir;
    private final Path asadminLogDir;
    private final int portBase;
    private final HttpClient http;
    private final AtomicInteger invocations = new AtomicInteger();
    private final Map<String, Duration> deployDurations = new LinkedHashMap<>();
    private final Thread shutdownHook;

    private Duration createDuration = Duration.ZERO;
    private Duration startDuration = Duration.ZERO;
    private Duration httpReadyDuration = Duration.ZERO;
    private Duration stopDuration = Duration.ZERO;
    private volatile Instant startLaunched;
    private volatile long serverPid = -1;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PayaraServerDomain(Settings settings, String domainName, int portBase) {
        this.settings = settings;
        this.domainName = domainName;
        this.domainsDir = settings.domainsDir();
        this.domainDir = domainsDir.resolve(domainName);
        this.asadminLogDir = domainsDir.resolve(domainName + ".asadmin");
        this.portBase = portBase;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.shutdownHook = new Thread(this::stopOnJvmExit, "payara-domain-" + domainName + "-shutdown");
    }

    /**
     * Creates and starts a domain with default settings.
     *
     * @param name a short label for the domain (letters, digits, {@code -}); a timestamp and the
     *     port base are appended so every call gets a fresh directory
     * @return the running domain; close it to stop the server
     */
    public static PayaraServerDomain start(String name) {
        return builder(name).start();
    }

    /**
     * Settings for a domain, to be started with {@link Builder#start()}.
     *
     * @param name a short label for the domain, see {@link #start(String)}
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The admin listener's port (portbase + 48), on 127.0.0.1. */
    public int adminPort() {
        return portBase + PortBase.ADMIN;
    }

    /** The HTTP listener's port (portbase + 80), on 127.0.0.1. */
    public int httpPort() {
        return portBase + PortBase.HTTP;
    }

    /** The HTTPS listener's port (portbase + 81), on 127.0.0.1, with Payara's self-signed certificate. */
    public int httpsPort() {
        return portBase + PortBase.HTTPS;
    }

    /** The {@code --portbase} the domain was created with; all its ports derive from it. */
    public int portBase() {
        return portBase;
    }

    /** {@code http://127.0.0.1:<httpPort>/}, to resolve application paths against. */
    public URI baseUrl() {
        return URI.create("http://" + LOOPBACK + ":" + httpPort() + "/");
    }

    /** The domain's name, as asadmin knows it. */
    public String domainName() {
        return domainName;
    }

    /** The domain's directory (it is left in place after {@link #close()} for inspection). */
    public Path domainDir() {
        return domainDir;
    }

    /** Path of the DAS's {@code server.log}. */
    public Path serverLog() {
        return domainDir.resolve("logs").resolve("server.log");
    }

    /**
     * The last lines of {@code server.log}, for failure messages.
     *
     * @param maxLines how many lines at most
     * @return the lines joined with newlines, or a note saying why there are none
     */
    public String serverLogTail(int maxLines) {
        Path log = serverLog();
        if (!Files.isRegularFile(log)) {
            return "(no " + log + ")";
        }
        // Read only the end: the log can reach megabytes before it rotates.
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int chunk = (int) Math.min(length, 256L * 1024);
            byte[] bytes = new byte[chunk];
            file.seek(length - chunk);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /**
     * Runs an asadmin subcommand against this domain's DAS ({@code --host 127.0.0.1 --port
     * <admin>} are added) with the builder's command timeout.
     *
     * @param args the subcommand and its options and operands, e.g. {@code "list-applications"}
     * @return the result of a successful (exit code 0) run
     * @throws AsadminException if asadmin exits non-zero or times out; the message has its output
     *     and the server log tail
     */
    public AsadminResult asadmin(String... args) {
        return asadmin(settings.commandTimeout(), args);
    }

    /**
     * Like {@link #asadmin(String...)} with an explicit timeout.
     *
     * @param timeout how long the asadmin process may run before it is killed
     * @param args the subcommand and its options and operands
     */
    public AsadminResult asadmin(Duration timeout, String... args) {
        return checked(run(timeout, true, List.of(args)));
    }

    /**
     * Runs an asadmin subcommand against the DAS and returns its result whatever the exit code, for
     * commands whose failure is an expected answer. Still throws if asadmin times out.
     *
     * @param args the subcommand and its options and operands
     */
    public AsadminResult tryAsadmin(String... args) {
        AsadminResult result = run(settings.commandTimeout(), true, List.of(args));
        if (result.exitCode() == -1) {
            throw failure("asadmin timed out", result);
        }
        return result;
    }

    /**
     * Applies an asadmin command file with {@code multimode --file}, the way our shipped
     * {@code src/asadmin/*.asadmin} configuration is applied to a Payara Server.
     *
     * <p>Multimode's exit code only reflects the file's last command, so this also fails if any
     * line printed {@code Command <name> failed.}. Lines starting with {@code #} and blank lines are
     * skipped by multimode. Quirk: multimode parses a line like a shell, so a backslash in a
     * value must be doubled or the option quoted ({@code --property "value=http\://h\:1/"}); the
     * quoted form also works in a Payara Micro post-boot command file.
     *
     * @param file the command file
     * @return the multimode result (its output has one line per command)
     * @throws AsadminException if multimode or any command in the file failed or timed out
     */
    public AsadminResult runCommandFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No asadmin command file " + file.toAbsolutePath());
        }
        AsadminResult result = run(
                settings.commandTimeout(),
                true,
                List.of("multimode", "--file", file.toAbsolutePath().toString()));
        List<String> failed = new ArrayList<>();
        Matcher matcher = FAILED_COMMAND.matcher(result.output());
        while (matcher.find()) {
            if (!"multimode".equals(matcher.group(1))) {
                failed.add(matcher.group(1));
            }
        }
        if (!failed.isEmpty()) {
            throw failure("Commands " + failed + " in " + file + " failed", result);
        }
        return checked(result);
    }

    /**
     * Deploys an archive and waits until asadmin reports it deployed (asadmin deploy returns once
     * the application has started). The duration is recorded in {@link #deployDurations()}.
     *
     * @param archive the EAR, WAR or JAR
     * @param name the application name, for {@link #undeploy(String)}
     * @param options further deploy options, e.g. {@code "--contextroot=x"}
     * @return how long the deployment took
     * @throws AsadminException if the deployment failed or took longer than the deploy timeout
     */
    public Duration deploy(Path archive, String name, String... options) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("No archive " + archive.toAbsolutePath());
        }
        List<String> args = new ArrayList<>(List.of("deploy", "--name", name));
        args.addAll(List.of(options));
        args.add(archive.toAbsolutePath().toString());
        AsadminResult result = checked(run(settings.deployTimeout(), true, args));
        deployDurations.put(name, result.duration());
        log("deployed %s in %d ms", name, result.duration().toMillis());
        return result.duration();
    }

    /**
     * Undeploys an application deployed under {@code name}.
     *
     * @throws AsadminException if asadmin fails, e.g. because nothing has that name
     */
    public void undeploy(String name) {
        checked(run(settings.deployTimeout(), true, List.of("undeploy", name)));
    }

    /**
     * GETs a path below {@link #baseUrl()} until it answers with {@code expectedStatus}.
     *
     * @param path relative to the base URL, e.g. {@code "app/health"}
     * @param expectedStatus the HTTP status to wait for
     * @param timeout how long to keep trying
     * @return the first response with that status
     * @throws IllegalStateException with the last response or error and the server log tail
     */
    public HttpResponse<String> awaitGet(String path, int expectedStatus, Duration timeout) {
        URI uri = baseUrl().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no attempt";
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expectedStatus) {
                    return response;
                }
                last = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + uri, e);
            }
            if (!Instant.now().plus(POLL_INTERVAL).isBefore(deadline)) {
                throw new IllegalStateException("GET " + uri + " did not answer " + expectedStatus + " within "
                        + timeout.toSeconds() + " s; last: " + last + logTailBlock());
            }
            pause(POLL_INTERVAL);
        }
    }

    /** Wall time of {@code create-domain}. */
    public Duration createDuration() {
        return createDuration;
    }

    /** Wall time from launching {@code start-domain} until the DAS is admin ready (start-domain returned). */
    public Duration startDuration() {
        return startDuration;
    }

    /** Wall time from launching {@code start-domain} until the HTTP listener served the docroot. */
    public Duration httpReadyDuration() {
        return httpReadyDuration;
    }

    /** Wall time of each {@link #deploy} so far, by application name, in deployment order. */
    public Map<String, Duration> deployDurations() {
        return Collections.unmodifiableMap(deployDurations);
    }

    /** Wall time of {@link #close()}'s stop, zero until closed. */
    public Duration stopDuration() {
        return stopDuration;
    }

    /**
     * Stops the domain: {@code stop-domain}, and if that fails or the JVM outlives it, kills the
     * DAS JVM named by the domain's {@code config/pid} (only after checking its command line names
     * this domain). Leaves the domain directory in place for inspection (config, logs,
     * applications) but deletes its OSGi bundle cache, which is 130 MB of copied jars. Idempotent.
     *
     * @throws IllegalStateException if the server JVM is still alive afterwards
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The JVM is already shutting down, or start() never registered the hook.
        }
        Instant begin = Instant.now();
        try {
            String problem = stopServer();
            stopDuration = Duration.between(begin, Instant.now());
            if (problem != null) {
                throw new IllegalStateException(problem + logTailBlock());
            }
            if (startLaunched != null) {
                log("stopped %s in %d ms", domainName, stopDuration.toMillis());
                deleteOsgiCache();
            }
        } finally {
            PortBase.release(portBase);
        }
    }

    @Override
    public String toString() {
        return "PayaraServerDomain[" + domainName + ", admin " + adminPort() + ", http " + httpPort() + "]";
    }

    // ---- lifecycle ------------------------------------------------------------------------

    private void createAndStart() {
        Instant createBegin = Instant.now();
        AsadminResult created = run(
                settings.startTimeout(),
                false,
                List.of(
                        "create-domain",
                        "--nopassword=true",
                        "--savelogin=false",
                        "--checkports=true",
                        "--portbase",
                        Integer.toString(portBase),
                        "--domaindir",
                        domainsDir.toString(),
                        domainName));
        checked(created);
        createDuration = Duration.between(createBegin, Instant.now());
        log("created %s (portbase %d) in %d ms", domainName, portBase, createDuration.toMillis());

        DomainXmlTuning.apply(domainDir.resolve("config").resolve("domain.xml"), settings.maxHeap());

        // Registered before the launch: a start that times out may still leave a server running.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        startLaunched = Instant.now();
        AsadminResult started = run(
                settings.startTimeout().plusSeconds(30),
                false,
                List.of(
                        "start-domain",
                        "--timeout",
                        Long.toString(settings.startTimeout().toSeconds()),
                        "--domaindir",
                        domainsDir.toString(),
                        domainName));
        checked(started);
        // start-domain returns once the DAS answers on its admin port: that is "admin ready".
        startDuration = Duration.between(startLaunched, Instant.now());
        serverPid = readPidFile().orElse(-1L);
        awaitGet("", 200, remaining(startLaunched.plus(settings.startTimeout())));
        httpReadyDuration = Duration.between(startLaunched, Instant.now());
        log(
                "started %s (pid %d, admin %d, http %d): admin ready in %d ms, HTTP in %d ms",
                domainName, serverPid, adminPort(), httpPort(), startDuration.toMillis(), httpReadyDuration.toMillis());
    }

    /** Stops the server; returns null on success or a description of what is still wrong. */
    private String stopServer() {
        if (startLaunched == null) {
            return null; // never launched, nothing can be running
        }
        long pid = serverPid > 0 ? serverPid : readPidFile().orElse(-1L);
        String stopProblem = null;
        try {
            AsadminResult stopped = run(
                    settings.stopTimeout().plusSeconds(15),
                    false,
                    List.of(
                            "stop-domain",
                            "--timeout",
                            Long.toString(settings.stopTimeout().toSeconds()),
                            "--domaindir",
                            domainsDir.toString(),
                            domainName));
            if (!stopped.succeeded()) {
                stopProblem = "stop-domain failed (exit " + stopped.exitCode() + "):\n" + stopped.output();
            }
        } catch (RuntimeException e) {
            stopProblem = "stop-domain could not run: " + e;
        }
        if (pid <= 0) {
            return stopProblem == null ? null : stopProblem + "\nand " + domainDir + "/config/pid names no process";
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(this::isOurServer);
        if (server.isEmpty()) {
            return null;
        }
        // stop-domain may return while the JVM is still exiting; give it a moment before killing.
        if (awaitExit(server.get(), stopProblem == null ? KILL_GRACE : Duration.ZERO)) {
            return null;
        }
        log(
                "killing %s's JVM, pid %d (%s)",
                domainName, pid, stopProblem == null ? "still alive after stop-domain" : abbreviate(stopProblem));
        server.get().destroy();
        if (awaitExit(server.get(), KILL_GRACE)) {
            return null;
        }
        server.get().destroyForcibly();
        if (awaitExit(server.get(), KILL_GRACE)) {
            return null;
        }
        return "Payara Server JVM " + pid + " of " + domainName + " survived stop-domain and kill -9"
                + (stopProblem == null ? "" : "; " + stopProblem);
    }

    // Felix copies every bundle into the domain (~130 MB); it is a pure cache, rebuilt at the next
    // start, and keeping it would make each test run leave that much behind in target/.
    private void deleteOsgiCache() {
        Path cache = domainDir.resolve("osgi-cache");
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(cache)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log("could not delete %s: %s", cache, e);
        }
    }

    private void stopOnJvmExit() {
        if (closed.compareAndSet(false, true)) {
            String problem = stopServer();
            if (problem != null) {
                System.err.println("[payara-server] " + problem);
            }
        }
    }

    // The pid file could be stale and the PID reused: only a JVM whose command line names this
    // domain's directory is ours to kill. Without command line info, fall back on start time.
    private boolean isOurServer(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        ProcessHandle.Info info = process.info();
        Optional<String> commandLine =
                info.commandLine().or(() -> info.arguments().map(a -> String.join(" ", a)));
        if (commandLine.isPresent()) {
            return commandLine.get().contains(domainDir.toString())
                    || commandLine.get().contains(realPath(domainDir).toString());
        }
        return info.startInstant()
                .map(started -> !started.isBefore(startLaunched.minusSeconds(1)))
                .orElse(false);
    }

    private Optional<Long> readPidFile() {
        Path pidFile = domainDir.resolve("config").resolve("pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    // ---- asadmin ---------------------------------------------------------------------------

    /**
     * Runs asadmin's CLI jar directly with the configured JDK (what {@code bin/asadmin} does,
     * without depending on the unpacked script keeping its executable bit). Output goes to a file
     * rather than a pipe so that nothing can block on an unread pipe, and each invocation leaves
     * a log in {@code <domain>.asadmin/} for post-mortems.
     */
    private AsadminResult run(Duration timeout, boolean remote, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                settings.javaHome().resolve("bin").resolve("java").toString(),
                "-XX:+IgnoreUnrecognizedVMOptions",
                // A short-lived client JVM: C1 only starts faster on two cores.
                "-XX:TieredStopAtLevel=1",
                "-jar",
                settings.payaraHome()
                        .resolve("glassfish/lib/client/appserver-cli.jar")
                        .toString()));
        if (remote) {
            command.addAll(List.of("--host", LOOPBACK, "--port", Integer.toString(adminPort())));
        }
        command.add("--interactive=false");
        command.addAll(args);

        Path output;
        try {
            Files.createDirectories(asadminLogDir);
            output = asadminLogDir.resolve(
                    String.format(Locale.ROOT, "%03d-%s.log", invocations.incrementAndGet(), args.get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + asadminLogDir, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(domainsDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = builder.environment();
        // A developer's AS_ADMIN_* (port, user, password file) would silently retarget commands.
        env.keySet().removeIf(key -> key.startsWith("AS_ADMIN_"));
        env.put("AS_JAVA", settings.javaHome().toString());
        env.put("JAVA_HOME", settings.javaHome().toString());

        Instant begin = Instant.now();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AsadminException("Cannot launch asadmin: " + String.join(" ", command), e);
        }
        int exitCode;
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            } else {
                exitCode = -1;
                killClient(process);
            }
        } catch (InterruptedException e) {
            killClient(process);
            Thread.currentThread().interrupt();
            throw new AsadminException("Interrupted while running asadmin " + args, e);
        }
        Duration duration = Duration.between(begin, Instant.now());
        String text;
        try {
            text = Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(could not read " + output + ": " + e + ")";
        }
        if (exitCode == -1) {
            text += "\n(killed after " + timeout.toSeconds() + " s)";
        }
        return new AsadminResult(command, exitCode, text, duration);
    }

    // Only the asadmin client is ours to kill here; a server it launched is handled by close().
    private static void killClient(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private AsadminResult checked(AsadminResult result) {
        if (result.succeeded()) {
            return result;
        }
        throw failure(
                result.exitCode() == -1 ? "asadmin timed out" : "asadmin failed with exit code " + result.exitCode(),
                result);
    }

    private AsadminException failure(String what, AsadminResult result) {
        return new AsadminException(
                what + " after " + result.duration().toMillis() + " ms: " + result.describe() + "\n--- output ---\n"
                        + result.output().strip() + logTailBlock(),
                result);
    }

    // ---- small helpers ---------------------------------------------------------------------

    private String logTailBlock() {
        return "\n--- last " + LOG_TAIL_LINES + " lines of " + serverLog() + " ---\n" + serverLogTail(LOG_TAIL_LINES);
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling", e);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[payara-server] " + format + "%n", args);
    }

    private record Settings(
            Path payaraHome,
            Path domainsDir,
            Path javaHome,
            String maxHeap,
            Duration startTimeout,
            Duration commandTimeout,
            Duration deployTimeout,
            Duration stopTimeout) {}

    /** Settings for a domain; {@link #start()} creates and starts it. */
    public static final class Builder {

        private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,40}");
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

        private final String name;
        private Path payaraHome;
        private Path domainsDir;
        private Path javaHome;
        private String maxHeap = "768m";
        private Duration startTimeout = Duration.ofMinutes(4);
        private Duration commandTimeout = Duration.ofMinutes(2);
        private Duration deployTimeout = Duration.ofMinutes(5);
        private Duration stopTimeout = Duration.ofSeconds(60);

        private Builder(String name) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Domain label must match " + NAME + ": " + name);
            }
            this.name = name;
            String home = System.getProperty(HOME_PROPERTY);
            this.payaraHome = home == null ? null : Path.of(home);
            this.domainsDir = Path.of(System.getProperty(DOMAINS_DIR_PROPERTY, "target/payara-domains"));
            this.javaHome = Path.of(System.getProperty(JAVA_HOME_PROPERTY, System.getProperty("java.home")));
        }

        /** The unpacked {@code payara6} directory; default: system property {@code payara.server.home}. */
        public Builder payaraHome(Path payaraHome) {
            this.payaraHome = payaraHome;
            return this;
        }

        /** Where the domain directory is created; default: {@code payara.domains.dir}. */
        public Builder domainsDir(Path domainsDir) {
            this.domainsDir = domainsDir;
            return this;
        }

        /** The JDK (17+) for asadmin and the server; default: {@code payara.java.home} or this JVM's. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        /** The DAS's {@code -Xmx} value, e.g. {@code 768m} (the default; Payara's own is 512m). */
        public Builder maxHeap(String maxHeap) {
            if (!maxHeap.matches("\\d+[kKmMgG]")) {
                throw new IllegalArgumentException("Not an -Xmx size: " + maxHeap);
            }
            this.maxHeap = maxHeap;
            return this;
        }

        /** Bound on create-domain and on start-domain until ready, each (default 4 min). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Bound on each {@link #asadmin} and {@link #runCommandFile} call (default 2 min). */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = timeout;
            return this;
        }

        /** Bound on each deploy and undeploy (default 5 min). */
        public Builder deployTimeout(Duration timeout) {
            this.deployTimeout = timeout;
            return this;
        }

        /** Bound on stop-domain before the JVM is killed (default 60 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /**
         * Creates a fresh domain on a free port base and starts it.
         *
         * @return the running domain
         * @throws IllegalStateException if Payara is not unpacked, or the domain cannot be created
         *     or started in time (the server is then stopped again before this throws)
         */
        public PayaraServerDomain start() {
            if (payaraHome == null) {
                throw new IllegalStateException("System property " + HOME_PROPERTY
                        + " is not set; run the tests with Failsafe (mvn verify), which unpacks Payara"
                        + " Server into target/servers/payara6");
            }
            payaraHome = payaraHome.toAbsolutePath().normalize();
            if (!Files.isRegularFile(payaraHome.resolve("glassfish/lib/client/appserver-cli.jar"))) {
                throw new IllegalStateException("No Payara Server at " + payaraHome
                        + " (expected glassfish/lib/client/appserver-cli.jar); the build's"
                        + " pre-integration-test phase unpacks it");
            }
            if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
                throw new IllegalStateException("No java in " + javaHome + "; set " + JAVA_HOME_PROPERTY);
            }
            try {
                Files.createDirectories(domainsDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + domainsDir, e);
            }
            // A snapshot, so that changing this builder later cannot affect a running domain.
            Settings settings = new Settings(
                    payaraHome,
                    domainsDir.toAbsolutePath().normalize(),
                    javaHome,
                    maxHeap,
                    startTimeout,
                    commandTimeout,
                    deployTimeout,
                    stopTimeout);
            int base = PortBase.reserveFree();
            String domainName = name + "-" + LocalDateTime.now().format(STAMP) + "-p" + base;
            PayaraServerDomain domain = new PayaraServerDomain(settings, domainName, base);
            try {
                domain.createAndStart();
                return domain;
            } catch (RuntimeException e) {
                try {
                    domain.close();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                throw e;
            }
        }
    }
}
