package com.fieldsync.sim.resco;

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

    private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final String organization;
    private final Schema schema = new Schema();
    private final SimClock clock = new SimClock();
    private final Faults faults = new Faults();
    private final Webhooks webhooks = new Webhooks();
    private final Store store = new Store(clock, webhooks);
    private final CallLog calls = new CallLog();
    /** Readers of the records wait for requests being processed to be logged (see ApiHandler). */
    private final ReadWriteLock settled = new ReentrantReadWriteLock();

    private final SimServer server;
    private volatile String credentials;
    private volatile int pageSize = MAX_PAGE_SIZE;

    private RescoSimulator(String host, int port, String organization) throws IOException {
        this.organization = organization;
        server = SimServer.start(
                host,
                port,
                "resco-sim",
                Map.of(
                        "/",
                        new ApiHandler(new ApiHandler.Context(
                                basePath(),
                                store,
                                schema,
                                webhooks,
                                faults,
                                calls,
                                () -> credentials,
                                () -> pageSize,
                                settled)),
                        ControlHandler.PREFIX,
                        new ControlHandler(this)));
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
        return server.url();
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
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
        return calls.all();
    }

    /**
     * The calls with this method and entity ({@link Call#target()}; both case-insensitive, null matches any), in
     * arrival order.
     */
    public List<Call> calls(String method, String entity) {
        return calls.matching(method, entity);
    }

    /** Forgets the call log. */
    public void clearCalls() {
        calls.clear();
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
        server.close(webhooks::close);
    }

    private String basePath() {
        return "/odata/v4/" + organization + "/";
    }

    /**
     * Runs a simulator until killed: {@code [--host H] [--port N] [--org O] [--auth user:password]} (defaults
     * 127.0.0.1, {@value #DEFAULT_PORT}, {@value #DEFAULT_ORGANIZATION}, no auth). Control it over HTTP under
     * {@code /_sim/}.
     */
    public static void main(String[] args) throws InterruptedException {
        CommandLine options = CommandLine.parse(
                args,
                "RescoSimulator [--host H] [--port N] [--org O] [--auth user:password]",
                "host",
                "port",
                "org",
                "auth");
        String auth = options.get("auth", null);
        if (auth != null && !auth.contains(":")) {
            throw new IllegalArgumentException("--auth needs user:password");
        }
        RescoSimulator sim = start(
                options.get("host", "127.0.0.1"),
                options.getInt("port", DEFAULT_PORT),
                options.get("org", DEFAULT_ORGANIZATION));
        if (auth != null) {
            int colon = auth.indexOf(':');
            sim.requireBasicAuth(auth.substring(0, colon), auth.substring(colon + 1));
        }
        SimServer.runUntilKilled(sim, "resco-sim-shutdown", "RESCO SIMULATOR " + sim.baseUrl());
    }
}
