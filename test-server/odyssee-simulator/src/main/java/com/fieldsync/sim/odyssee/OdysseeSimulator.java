package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.CallLog;
import com.fieldsync.sim.common.CommandLine;
import com.fieldsync.sim.common.Faults;
import com.fieldsync.sim.common.SimClock;
import com.fieldsync.sim.common.SimServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private final SimClock clock = new SimClock();
    private final Faults faults = new Faults();
    private final Store store = new Store(clock);
    private final ApprovalPdfs pdfs = ApprovalPdfs.attach(store, clock);
    private final Technicians technicians = new Technicians(store);
    private final CallLog calls = new CallLog();
    /** Readers of the records wait for requests being processed to be logged (see ApiHandler). */
    private final ReadWriteLock settled = new ReentrantReadWriteLock();

    private final SimServer server;
    private volatile String credentials;

    private OdysseeSimulator(String host, int port) throws IOException {
        server = SimServer.start(
                host,
                port,
                "odyssee-sim",
                Map.of(
                        ApiHandler.PREFIX,
                        new ApiHandler(store, pdfs, faults, calls, () -> credentials, settled),
                        ControlHandler.PREFIX,
                        new ControlHandler(this),
                        "/",
                        exchange -> {
                            try (exchange) {
                                exchange.getRequestBody().readAllBytes();
                                Response.message(
                                                404,
                                                "not an Odyssee API path: "
                                                        + exchange.getRequestURI()
                                                                .getPath())
                                        .send(exchange);
                            }
                        }));
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
        return server.url();
    }

    /** {@code baseUrl() + "api/"}. */
    public String apiUrl() {
        return baseUrl() + "api/";
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
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
        return calls.all();
    }

    /**
     * The calls with this method and controller ({@link Call#target()}; both case-insensitive, null matches any), in
     * arrival order.
     */
    public List<Call> calls(String method, String controller) {
        return calls.matching(method, controller);
    }

    /** Forgets the call log. */
    public void clearCalls() {
        calls.clear();
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
        server.close();
    }

    /**
     * Runs a simulator until killed: {@code [--host H] [--port N] [--auth user:pass@domain]} (defaults 127.0.0.1,
     * {@value #DEFAULT_PORT}, no auth). Control it over HTTP under {@code /_sim/}.
     */
    public static void main(String[] args) throws InterruptedException {
        CommandLine options = CommandLine.parse(
                args, "OdysseeSimulator [--host H] [--port N] [--auth user:pass@domain]", "host", "port", "auth");
        OdysseeSimulator sim = start(options.get("host", "127.0.0.1"), options.getInt("port", DEFAULT_PORT))
                .requireBasicAuth(options.get("auth", null));
        SimServer.runUntilKilled(sim, "odyssee-sim-shutdown", "ODYSSEE SIMULATOR " + sim.baseUrl());
    }
}
