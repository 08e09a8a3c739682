package com.fieldsync.sim.odyssee;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory Odyssee Mobile REST API on the JDK's HTTP server: the API lives under {@link #baseUrl()} +
 * {@code api/}, the wire contract is remote-apis.md section 1.
 *
 * <pre>{@code
 * try (OdysseeSimulator sim = OdysseeSimulator.start("127.0.0.1", 0)) {
 *     sim.requireBasicAuth("user:secret@domain");
 *     sim.put("Company", Json.createObjectBuilder().add("code", "C1").add("name", "Acme").build());
 *     sim.faults().next("POST", "Company", Fault.status(503));
 *     // … run the connector against sim.baseUrl() …
 *     assertEquals(2, sim.calls("POST", "Company").size());
 * }
 * }</pre>
 *
 * <p>Besides answering the connector, it plays the mobile side: {@link #technicians()} complete jobs as the app would
 * (status steps, usages, the approval), and each non-daily approval's PDF appears as a {@code DbFile} only once the
 * {@link #clock() clock} has passed the approval by {@link #pdfDelay(Duration) a delay}, as Odyssee's PDF queue makes
 * it late. With the clock stopped, a burst of completions shares one {@code modified_dateutc}.
 *
 * <p>Thread-safe: many clients may call it at once, and tests may inspect it while they do.
 */
public final class OdysseeSimulator implements AutoCloseable {
    /** The port {@link #main} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8099;

    private static final int THREADS = 16;

    static {
        // Must be set before HttpServer's configuration class loads: without it Nagle plus delayed ACKs hold every
        // small answer ~40 ms on loopback (67 requests/s on one connection), and every latency figure measures that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimClock clock = new SimClock();
    private final Faults faults = new Faults();
    private final Store store = new Store(clock);
    private final ApprovalPdfs pdfs = ApprovalPdfs.attach(store, clock);
    private final Technicians technicians = new Technicians(store);
    private final List<Call> calls = new ArrayList<>();
    /** Readers of the records wait for requests being processed to be logged (see ApiHandler). */
    private final ReadWriteLock settled = new ReentrantReadWriteLock();

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String credentials;

    private OdysseeSimulator(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext(
                ApiHandler.PREFIX, new ApiHandler(store, pdfs, faults, this::logCall, () -> credentials, settled));
        server.createContext(ControlHandler.PREFIX, new ControlHandler(this));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Response.message(
                                404,
                                "not an Odyssee API path: "
                                        + exchange.getRequestURI().getPath())
                        .send(exchange);
            }
        });
        server.start();
    }

    /**
     * Starts a simulator bound to {@code host} on {@code port} (0: any free port).
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static OdysseeSimulator start(String host, int port) {
        try {
            return new OdysseeSimulator(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Odyssee simulator on " + host + ":" + port, e);
        }
    }

    /** Starts a simulator on 127.0.0.1 and {@code port} (0: any free port). */
    public static OdysseeSimulator start(int port) {
        return start("127.0.0.1", port);
    }

    /** {@code http://host:port/}; the API is under {@code baseUrl() + "api/"}. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    /** {@code baseUrl() + "api/"}. */
    public String apiUrl() {
        return baseUrl() + "api/";
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Requires HTTP Basic credentials on the API whose decoded form equals {@code credentials} exactly (Odyssee's
     * form is {@code username:password@domain}); null turns auth off. Survives {@link #reset()}.
     */
    public OdysseeSimulator requireBasicAuth(String credentials) {
        this.credentials = credentials;
        return this;
    }

    /** The clock that stamps {@code modified_dateutc}. */
    public SimClock clock() {
        return clock;
    }

    /** The fault queue. */
    public Faults faults() {
        return faults;
    }

    /** The technicians on the mobile app, to script what they do to jobs. */
    public Technicians technicians() {
        return technicians;
    }

    /**
     * How long after a non-daily approval (on the sim clock) its PDF appears as a {@code DbFile}; default 5 seconds.
     * Applies to approvals added from now on. Survives {@link #reset()}.
     *
     * @throws IllegalArgumentException for a negative delay
     */
    public OdysseeSimulator pdfDelay(Duration delay) {
        pdfs.delay(delay);
        return this;
    }

    /** The current {@link #pdfDelay(Duration) PDF delay}. */
    public Duration pdfDelay() {
        return pdfs.delay();
    }

    /** Approval PDFs scheduled and not yet due at {@code clock().now()} (due ones are produced first). */
    public int pendingPdfs() {
        return pdfs.pending();
    }

    /** Every API call received, in arrival order (a snapshot). */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls with this method and controller (case-insensitive; null matches any), in arrival order. */
    public List<Call> calls(String method, String controller) {
        return calls().stream()
                .filter(call -> method == null || method.equalsIgnoreCase(call.method()))
                .filter(call -> controller == null || controller.equalsIgnoreCase(call.controller()))
                .toList();
    }

    /** Forgets the call log. */
    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    /**
     * All rows of a controller, unpaged and complete (with the columns lists leave out), in insertion order.
     *
     * @throws IllegalArgumentException for an unknown controller
     */
    public List<JsonObject> records(String controller) {
        ControllerDef def = Controllers.require(controller);
        settled.writeLock().lock();
        try {
            pdfs.produceDue();
            return store.all(def);
        } finally {
            settled.writeLock().unlock();
        }
    }

    /** One row by id. */
    public Optional<JsonObject> record(String controller, String id) {
        ControllerDef def = Controllers.require(controller);
        settled.writeLock().lock();
        try {
            pdfs.produceDue();
            return store.find(def, id);
        } finally {
            settled.writeLock().unlock();
        }
    }

    /**
     * Seeds a row as if added through the API: validated, defaults filled, {@code modified_dateutc} stamped, an
     * {@code id} assigned when absent. A row whose {@code id} exists replaces it whole.
     *
     * @return the stored row
     * @throws IllegalArgumentException what the API would have refused, with its message
     */
    public JsonObject put(String controller, JsonObject row) {
        Objects.requireNonNull(row, "row");
        try {
            return store.put(Controllers.require(controller), row);
        } catch (ApiException e) {
            throw e.asIllegalArgument();
        }
    }

    /** Clears data, pending PDFs, faults and the call log; auth, the PDF delay and the clock stay as they are. */
    public void reset() {
        store.atomically(() -> {
            store.clear();
            pdfs.clear();
            return null;
        });
        faults.clear();
        clearCalls();
    }

    /** Stops the server at once (exchanges in flight are cut) and its threads; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logCall(Call call) {
        synchronized (calls) {
            calls.add(call);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "odyssee-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs a simulator until killed: {@code [--host H] [--port N] [--auth user:pass@domain]} (defaults 127.0.0.1,
     * {@value #DEFAULT_PORT}, no auth). Control it over HTTP under {@code /_sim/}.
     */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        String auth = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host":
                    host = required(args[i], value);
                    i++;
                    break;
                case "--port":
                    port = Integer.parseInt(required(args[i], value));
                    i++;
                    break;
                case "--auth":
                    auth = required(args[i], value);
                    i++;
                    break;
                default:
                    System.err.println("usage: OdysseeSimulator [--host H] [--port N] [--auth user:pass@domain]");
                    System.exit(2);
            }
        }
        OdysseeSimulator sim = start(host, port).requireBasicAuth(auth);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "odyssee-sim-shutdown"));
        System.out.println("ODYSSEE SIMULATOR " + sim.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
