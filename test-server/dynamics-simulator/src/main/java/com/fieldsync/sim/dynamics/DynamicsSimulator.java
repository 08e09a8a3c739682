package com.fieldsync.sim.dynamics;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.CallLog;
import com.fieldsync.sim.common.CommandLine;
import com.fieldsync.sim.common.Faults;
import com.fieldsync.sim.common.SimClock;
import com.fieldsync.sim.common.SimServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An in-memory Dynamics Mobile ERP API on the JDK's HTTP server, at {@link #baseUrl()} = {@code
 * http://host:port/{basePrefix}} ({@code mobile/erp/} by default, as the docs' samples call it); the wire contract is
 * remote-apis.md section 3, and the package documentation lists what this simulator decided where it is silent.
 *
 * <pre>{@code
 * try (DynamicsSimulator sim = DynamicsSimulator.start("127.0.0.1", 0, "mobile/erp/")) {
 *     sim.appArea("DMDEV01", "12321313");
 *     MobileUser user1 = sim.mobileUser("DMDEV01", "user1");
 *     user1.send(SyncPacket.builder("S01").insert("Customer", "No", "C1", "Name", "Acme").build());
 *     sim.faults().next("PUT", "upload", Fault.status(503));
 *     // … run the connector against sim.baseUrl() …
 *     assertEquals(1, sim.distinctUploads().size());
 *     assertTrue(sim.pullQueue("DMDEV01").isEmpty());
 * }
 * }</pre>
 *
 * <p>Push: {@code GET push/{appArea}/{mobileUser}} hands out an upload slot whose {@code uploadPath} (on this server,
 * below {@code /storage/upload/}) takes {@code PUT}s until it expires; every upload is kept ({@link #uploads()}), and
 * {@link #distinctUploads()} counts packets by {@code packetUniqueId}. Pull: what {@link MobileUser mobile users} send
 * is queued per application area; a pull lists it with a new receipt handle and hides it for the visibility timeout,
 * {@code link?path=} gives a download URL (below {@code /storage/download/}) valid for the link validity, and {@code
 * done} with the current handle removes it. Every expiry is measured on the {@link #clock() clock}, so a test moves
 * time instead of waiting.
 *
 * <p>Thread-safe: many clients may call it at once, and tests may inspect it while they do.
 */
public final class DynamicsSimulator implements AutoCloseable {
    /** The port {@link #main} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8099;
    /** The path below the server where the API lives unless told otherwise: the docs' samples' prefix. */
    public static final String DEFAULT_BASE_PREFIX = "mobile/erp/";
    /** The application area {@link #main} serves unless told otherwise. */
    public static final String DEFAULT_APP_AREA = "FIELDSYNC";
    /** The api key of {@link #DEFAULT_APP_AREA} in {@link #main} unless told otherwise. */
    public static final String DEFAULT_API_KEY = "fieldsync-dev-key";
    /** How long a download link works: the docs' 15 minutes. */
    public static final Duration DEFAULT_LINK_VALIDITY = Duration.ofMinutes(15);
    /** How long an upload slot takes uploads (assumed: as long as a download link). */
    public static final Duration DEFAULT_UPLOAD_SLOT_VALIDITY = Duration.ofMinutes(15);
    /** How long a listed packet stays hidden from pulls (assumed: SQS's default). */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    /** At most this many packets per pull (assumed: SQS's maximum per receive). */
    public static final int DEFAULT_PULL_BATCH_SIZE = 10;

    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_.-]+/)*");

    private final String basePath;
    private final AppAreas areas = new AppAreas();
    private final Settings settings = new Settings();
    private final SimClock clock = new SimClock();
    private final Faults faults = new Faults();
    private final Uploads uploads = new Uploads();
    private final PullQueue queue = new PullQueue();
    private final CallLog calls = new CallLog();
    /** Readers of the state wait for requests being processed to be logged (see FaultingHandler). */
    private final ReadWriteLock settled = new ReentrantReadWriteLock();

    private final SimServer server;

    private DynamicsSimulator(String host, int port, String basePath) throws IOException {
        this.basePath = basePath;
        server = SimServer.start(
                host,
                port,
                "dynamics-sim",
                Map.of(
                        "/",
                        new ApiHandler(new ApiHandler.Context(
                                basePath, areas, settings, uploads, queue, clock, faults, calls, settled)),
                        ControlHandler.PREFIX,
                        new ControlHandler(this)));
    }

    /**
     * Starts a simulator bound to {@code host} on {@code port} (0: any free port), serving the API below {@code
     * basePrefix}: path segments each ending with a slash, such as {@code mobile/erp/} or {@code erp/}, or empty for
     * the server root. No application area is served until {@link #appArea registered}.
     *
     * @throws UncheckedIOException when the address cannot be bound
     * @throws IllegalArgumentException for a prefix that is not such segments, or that starts with {@code storage/} or
     *     {@code _sim/}
     */
    public static DynamicsSimulator start(String host, int port, String basePrefix) {
        if (basePrefix == null
                || !PREFIX.matcher(basePrefix).matches()
                || basePrefix.startsWith("storage/")
                || basePrefix.startsWith("_sim/")) {
            throw new IllegalArgumentException(
                    "not a base prefix (segments each ending with '/', e.g. mobile/erp/): " + basePrefix);
        }
        try {
            return new DynamicsSimulator(host, port, "/" + basePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Dynamics Mobile simulator on " + host + ":" + port, e);
        }
    }

    /** Starts a simulator on 127.0.0.1 and {@code port} (0: any free port) below {@value #DEFAULT_BASE_PREFIX}. */
    public static DynamicsSimulator start(int port) {
        return start("127.0.0.1", port, DEFAULT_BASE_PREFIX);
    }

    /** {@code http://host:port/{basePrefix}}: the connector's base URL, followed by {@code push/…}, {@code pull/…}. */
    public String baseUrl() {
        return serverUrl() + basePrefix();
    }

    /** {@code http://host:port/}; storage is under {@code storage/}, the control API under {@code _sim/}. */
    public String serverUrl() {
        return server.url();
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
    }

    /** The prefix the API is served below, e.g. {@code mobile/erp/}. */
    public String basePrefix() {
        return basePath.substring(1);
    }

    /**
     * Serves the application area {@code code} (any case; kept upper-case) with {@code apiKey}, or changes its key.
     * Survives {@link #reset()}.
     *
     * @throws IllegalArgumentException for a code that cannot be a path segment, or an empty key
     */
    public DynamicsSimulator appArea(String code, String apiKey) {
        areas.register(code, apiKey);
        return this;
    }

    /** The api key of an application area, if it is served. */
    public Optional<String> apiKey(String appArea) {
        return Optional.ofNullable(areas.key(appArea));
    }

    /** Every application area served and its key, by code. */
    public Map<String, String> appAreas() {
        return areas.keys();
    }

    /**
     * A mobile user of a served application area, registered as known there (see {@link #requireKnownMobileUsers}).
     *
     * @throws IllegalArgumentException when the area is not served, or for a name that cannot be a path segment
     */
    public MobileUser mobileUser(String appArea, String name) {
        String area = AppAreas.normalize(appArea);
        if (areas.key(area) == null) {
            throw new IllegalArgumentException("application area " + area + " is not served; register it first");
        }
        areas.addUser(area, name);
        return new MobileUser(this, area, name);
    }

    /**
     * When true, a push slot for a mobile user not {@link #mobileUser registered} is refused with 404; false (the
     * default) accepts any name. Survives {@link #reset()}.
     */
    public DynamicsSimulator requireKnownMobileUsers(boolean required) {
        settings.knownMobileUsersOnly(required);
        return this;
    }

    public boolean knownMobileUsersRequired() {
        return settings.knownMobileUsersOnly();
    }

    /** How long an upload slot takes uploads, {@link #DEFAULT_UPLOAD_SLOT_VALIDITY} by default; for new slots. */
    public DynamicsSimulator uploadSlotValidity(Duration validity) {
        settings.uploadSlotValidity(validity);
        return this;
    }

    public Duration uploadSlotValidity() {
        return settings.uploadSlotValidity();
    }

    /** How long a download link works, {@link #DEFAULT_LINK_VALIDITY} by default; for new links. */
    public DynamicsSimulator linkValidity(Duration validity) {
        settings.linkValidity(validity);
        return this;
    }

    public Duration linkValidity() {
        return settings.linkValidity();
    }

    /**
     * How long a listed packet stays hidden from pulls, {@link #DEFAULT_VISIBILITY_TIMEOUT} by default; zero makes the
     * very next pull list again what was not done, as the docs word it.
     */
    public DynamicsSimulator visibilityTimeout(Duration timeout) {
        settings.visibilityTimeout(timeout);
        return this;
    }

    public Duration visibilityTimeout() {
        return settings.visibilityTimeout();
    }

    /** At most this many packets per pull, {@link #DEFAULT_PULL_BATCH_SIZE} by default. */
    public DynamicsSimulator pullBatchSize(int size) {
        settings.pullBatchSize(size);
        return this;
    }

    public int pullBatchSize() {
        return settings.pullBatchSize();
    }

    /** The clock every expiry and timeout is measured on. */
    public SimClock clock() {
        return clock;
    }

    /**
     * The fault queue; targets are {@code push}, {@code upload}, {@code pull}, {@code link}, {@code download} and
     * {@code done}.
     */
    public Faults faults() {
        return faults;
    }

    /** Every API and storage call received, in arrival order (a snapshot). */
    public List<Call> calls() {
        return calls.all();
    }

    /** The calls with this method and target (both case-insensitive, null matches any), in arrival order. */
    public List<Call> calls(String method, String target) {
        return calls.matching(method, target);
    }

    /** Forgets the call log. */
    public void clearCalls() {
        calls.clear();
    }

    /** Every upload slot handed out, in order. */
    public List<UploadSlot> uploadSlots() {
        return settled(uploads::slots);
    }

    /** Every upload accepted, in arrival order: a packet uploaded twice is here twice. */
    public List<Upload> uploads() {
        return settled(uploads::all);
    }

    /** The uploads for one mobile user of one application area (any case), in arrival order. */
    public List<Upload> uploads(String appArea, String mobileUser) {
        return uploads().stream()
                .filter(upload -> upload.appArea().equalsIgnoreCase(appArea)
                        && upload.mobileUser().equals(mobileUser))
                .toList();
    }

    /** The distinct packets pushed: the last upload of each {@code packetUniqueId}, in order of first upload. */
    public List<Upload> distinctUploads() {
        return settled(uploads::distinct);
    }

    /** Every packet and file mobile users sent, done or not, in arrival order. */
    public List<InboundPacket> packets() {
        return settled(queue::all);
    }

    /** One packet or file by id. */
    public Optional<InboundPacket> packet(String id) {
        return settled(() -> queue.find(id));
    }

    /** The packets and files of an application area (any case) not done yet, in queue order. */
    public List<InboundPacket> pullQueue(String appArea) {
        return packets().stream()
                .filter(packet -> packet.appArea().equalsIgnoreCase(appArea) && !packet.isDone())
                .toList();
    }

    /** The packets and files acknowledged by {@code done}, in arrival order. */
    public List<InboundPacket> acknowledged() {
        return packets().stream().filter(InboundPacket::isDone).toList();
    }

    /** Every entry of every {@code done} call, with what it did, in arrival order. */
    public List<DoneEntry> doneEntries() {
        return settled(queue::doneLog);
    }

    /**
     * Clears slots, uploads, the pull queue with its links and done log, faults and the call log. Application areas,
     * known mobile users, the settings and the clock stay as they are.
     */
    public void reset() {
        settled.writeLock().lock();
        try {
            uploads.clear();
            queue.clear();
        } finally {
            settled.writeLock().unlock();
        }
        faults.clear();
        clearCalls();
    }

    /** Stops the server at once (exchanges in flight are cut) and its threads; idempotent. */
    @Override
    public void close() {
        server.close();
    }

    InboundPacket enqueue(String appArea, String mobileUser, String packetType, String fileName, byte[] content) {
        return queue.enqueue(appArea, mobileUser, packetType, fileName, content, clock.now());
    }

    private <T> T settled(Supplier<T> read) {
        settled.writeLock().lock();
        try {
            return read.get();
        } finally {
            settled.writeLock().unlock();
        }
    }

    /**
     * Runs a simulator until killed: {@code [--host H] [--port N] [--prefix P] [--app-area A] [--api-key K]}
     * (defaults 127.0.0.1, {@value #DEFAULT_PORT}, {@value #DEFAULT_BASE_PREFIX}, {@value #DEFAULT_APP_AREA},
     * {@value #DEFAULT_API_KEY}). Control it over HTTP under {@code /_sim/}.
     */
    public static void main(String[] args) throws InterruptedException {
        CommandLine options = CommandLine.parse(
                args,
                "DynamicsSimulator [--host H] [--port N] [--prefix P] [--app-area A] [--api-key K]",
                "host",
                "port",
                "prefix",
                "app-area",
                "api-key");
        DynamicsSimulator sim = start(
                options.get("host", "127.0.0.1"),
                options.getInt("port", DEFAULT_PORT),
                options.get("prefix", DEFAULT_BASE_PREFIX));
        sim.appArea(options.get("app-area", DEFAULT_APP_AREA), options.get("api-key", DEFAULT_API_KEY));
        SimServer.runUntilKilled(
                sim,
                "dynamics-sim-shutdown",
                "DYNAMICS MOBILE SIMULATOR " + sim.baseUrl() + " app areas "
                        + sim.appAreas().keySet());
    }
}
