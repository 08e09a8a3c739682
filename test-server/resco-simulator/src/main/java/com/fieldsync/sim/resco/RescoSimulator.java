package com.fieldsync.sim.resco;

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
import java.util.regex.Pattern;

/**
 * An in-memory Resco Cloud OData v4 service on the JDK's HTTP server, at {@link #baseUrl()} = {@code
 * http://host:port/odata/v4/{organization}/}; the wire contract is remote-apis.md section 2.
 *
 * <pre>{@code
 * try (RescoSimulator sim = RescoSimulator.start("127.0.0.1", 0, "acme")) {
 *     sim.requireBasicAuth("user", "password");
 *     sim.put("account", Json.createObjectBuilder().add("name", "Acme").build());
 *     sim.faults().next("PATCH", "account", Fault.status(503));
 *     sim.schema().drop("account", "vatid");
 *     // … run the connector against sim.baseUrl() …
 *     assertEquals(2, sim.calls("PATCH", "account").size());
 * }
 * }</pre>
 *
 * <p>Besides answering the connector it plays Resco's mobile users: {@link #put}, {@link #update} and {@link #delete}
 * change records as an edit on the app would, stamped by the {@link #clock() clock} and announced to the registered
 * webhooks. With the clock stopped, a burst of changes shares one {@code modifiedon}; with webhooks {@link
 * #pauseWebhooks() paused}, their notifications are lost, and only polling finds them.
 *
 * <p>Thread-safe: many clients may call it at once, and tests may inspect it while they do.
 */
public final class RescoSimulator implements AutoCloseable {
    /** The port {@link #main} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8098;
    /** The organization {@link #main} serves unless told otherwise. */
    public static final String DEFAULT_ORGANIZATION = "fieldsync";
    /** Resco's server page size, also its maximum. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final int THREADS = 16;
    private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    static {
        // Must be set before HttpServer's configuration class loads: without it Nagle plus delayed ACKs hold every
        // small answer ~40 ms on loopback, and every latency figure measures that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String organization;
    private final Schema schema = new Schema();
    private final SimClock clock = new SimClock();
    private final Faults faults = new Faults();
    private final Webhooks webhooks = new Webhooks();
    private final Store store = new Store(clock, webhooks);
    private final List<Call> calls = new ArrayList<>();
    /** Readers of the records wait for requests being processed to be logged (see ApiHandler). */
    private final ReadWriteLock settled = new ReentrantReadWriteLock();

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String credentials;
    private volatile int pageSize = MAX_PAGE_SIZE;

    private RescoSimulator(String host, int port, String organization) throws IOException {
        this.organization = organization;
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext(
                "/",
                new ApiHandler(new ApiHandler.Context(
                        basePath(),
                        store,
                        schema,
                        webhooks,
                        faults,
                        this::logCall,
                        () -> credentials,
                        () -> pageSize,
                        settled)));
        server.createContext(ControlHandler.PREFIX, new ControlHandler(this));
        server.start();
    }

    /**
     * Starts a simulator bound to {@code host} on {@code port} (0: any free port), serving {@code organization}.
     *
     * @throws UncheckedIOException when the address cannot be bound
     * @throws IllegalArgumentException for an organization name that cannot be a path segment
     */
    public static RescoSimulator start(String host, int port, String organization) {
        if (organization == null || !ORGANIZATION.matcher(organization).matches()) {
            throw new IllegalArgumentException("not an organization name: " + organization);
        }
        try {
            return new RescoSimulator(host, port, organization);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Resco simulator on " + host + ":" + port, e);
        }
    }

    /** Starts a simulator on 127.0.0.1 and {@code port} (0: any free port) for {@value #DEFAULT_ORGANIZATION}. */
    public static RescoSimulator start(int port) {
        return start("127.0.0.1", port, DEFAULT_ORGANIZATION);
    }

    /** {@code http://host:port/odata/v4/{organization}/}, the service root; every API URL is below it. */
    public String baseUrl() {
        return serverUrl() + basePath().substring(1);
    }

    /** {@code http://host:port/}; the control API is under {@code serverUrl() + "_sim/"}. */
    public String serverUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort() + "/";
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    public String organization() {
        return organization;
    }

    /**
     * Requires HTTP Basic credentials on the API (not on {@code /_sim/}); a null {@code user} turns auth off.
     * Survives {@link #reset()}.
     */
    public RescoSimulator requireBasicAuth(String user, String password) {
        this.credentials = user == null ? null : user + ":" + Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * Sets the server page size, {@value #MAX_PAGE_SIZE} by default, so that tests can page through few records.
     * Survives {@link #reset()}.
     *
     * @throws IllegalArgumentException when not positive
     */
    public RescoSimulator pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive: " + size);
        }
        this.pageSize = size;
        return this;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The entity sets and attributes served; change it to play schema drift. */
    public Schema schema() {
        return schema;
    }

    /** The clock that stamps {@code createdon} and {@code modifiedon}. */
    public SimClock clock() {
        return clock;
    }

    /** The fault queue. */
    public Faults faults() {
        return faults;
    }

    /** Every API call received, in arrival order (a snapshot). */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * The calls with this method and entity ({@link Call#entity()}; both case-insensitive, null matches any), in
     * arrival order.
     */
    public List<Call> calls(String method, String entity) {
        return calls().stream()
                .filter(call -> method == null || method.equalsIgnoreCase(call.method()))
                .filter(call -> entity == null || entity.equalsIgnoreCase(call.entity()))
                .toList();
    }

    /** Forgets the call log. */
    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    /**
     * All records of an entity set as the API answers them (every served attribute, {@code @odata.etag}), unpaged,
     * in insertion order.
     *
     * @throws IllegalArgumentException for an unknown entity set
     */
    public List<JsonObject> records(String entity) {
        EntitySet set = schema.require(entity);
        settled.writeLock().lock();
        try {
            return store.all(set.name()).stream()
                    .map(record -> Records.render(set, record))
                    .toList();
        } finally {
            settled.writeLock().unlock();
        }
    }

    /** One record by id, as the API answers it. */
    public Optional<JsonObject> record(String entity, String id) {
        EntitySet set = schema.require(entity);
        settled.writeLock().lock();
        try {
            return store.find(set.name(), id).map(record -> Records.render(set, record));
        } finally {
            settled.writeLock().unlock();
        }
    }

    /**
     * Seeds a record as a Resco user would create it, with the API's validation: stamped, given the next {@code
     * versionnumber} and an {@code id} when it has none, announced to {@code Create} webhooks. A record whose {@code
     * id} exists is replaced whole, as an update (announced to {@code Update} webhooks).
     *
     * @return the stored record, as the API answers it
     * @throws IllegalArgumentException what the API would have refused, with its status and message
     */
    public JsonObject put(String entity, JsonObject record) {
        Objects.requireNonNull(record, "record");
        EntitySet set = schema.require(entity);
        try {
            return Records.render(set, store.put(set, record));
        } catch (ODataException e) {
            throw e.asIllegalArgument();
        }
    }

    /**
     * Changes some attributes of a record as a Resco user's edit would: as a PATCH, validated, stamped and announced
     * to {@code Update} webhooks.
     *
     * @return the updated record, as the API answers it
     * @throws IllegalArgumentException for an absent record or what the API would have refused
     */
    public JsonObject update(String entity, String id, JsonObject changes) {
        Objects.requireNonNull(changes, "changes");
        EntitySet set = schema.require(entity);
        try {
            return Records.render(set, store.update(set, id, changes, null));
        } catch (ODataException e) {
            throw e.asIllegalArgument();
        }
    }

    /** Deletes a record as a Resco user would, announced to {@code Delete} webhooks; false when there was none. */
    public boolean delete(String entity, String id) {
        EntitySet set = schema.require(entity);
        try {
            store.delete(set, id, null);
            return true;
        } catch (ODataException absent) {
            return false;
        }
    }

    /** The registered webhooks, in registration order. */
    public List<Hook> hooks() {
        return webhooks.hooks();
    }

    /** Every notification attempted or missed since the last {@link #reset()}, in completion order. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** From now on changes send no notifications: they are logged as missed, and never sent later. */
    public RescoSimulator pauseWebhooks() {
        webhooks.pause(true);
        return this;
    }

    /** Notifications are sent again, for changes from now on. */
    public RescoSimulator resumeWebhooks() {
        webhooks.pause(false);
        return this;
    }

    public boolean webhooksPaused() {
        return webhooks.isPaused();
    }

    /**
     * Waits until every notification queued so far has been sent (or has failed); false when {@code timeout} passed
     * first.
     */
    public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
        return webhooks.await(timeout);
    }

    /**
     * Clears records, webhooks and their log, faults and the call log, resumes webhooks and restores the standard
     * schema. Auth, the page size and the clock stay as they are, and {@code versionnumber} keeps counting up.
     */
    public void reset() {
        store.atomically(() -> {
            store.clear();
            webhooks.clear();
            return null;
        });
        webhooks.pause(false);
        schema.restore();
        faults.clear();
        clearCalls();
    }

    /** Stops the server at once (exchanges in flight are cut), the webhook senders and their threads; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        webhooks.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String basePath() {
        return "/odata/v4/" + organization + "/";
    }

    private void logCall(Call call) {
        synchronized (calls) {
            calls.add(call);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "resco-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs a simulator until killed: {@code [--host H] [--port N] [--org O] [--auth user:password]} (defaults
     * 127.0.0.1, {@value #DEFAULT_PORT}, {@value #DEFAULT_ORGANIZATION}, no auth). Control it over HTTP under
     * {@code /_sim/}.
     */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        String organization = DEFAULT_ORGANIZATION;
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
                case "--org":
                    organization = required(args[i], value);
                    i++;
                    break;
                case "--auth":
                    auth = required(args[i], value);
                    if (!auth.contains(":")) {
                        throw new IllegalArgumentException("--auth needs user:password");
                    }
                    i++;
                    break;
                default:
                    System.err.println("usage: RescoSimulator [--host H] [--port N] [--org O] [--auth user:password]");
                    System.exit(2);
            }
        }
        RescoSimulator sim = start(host, port, organization);
        if (auth != null) {
            int colon = auth.indexOf(':');
            sim.requireBasicAuth(auth.substring(0, colon), auth.substring(colon + 1));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "resco-sim-shutdown"));
        System.out.println("RESCO SIMULATOR " + sim.baseUrl());
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
