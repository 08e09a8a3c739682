package com.fieldsync.inbound;

import com.fieldsync.config.Settings;
import com.fieldsync.connector.Replies;
import com.fieldsync.cursors.FeedCursor;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls the enabled feeds, one after another on one thread, whenever {@link FeedTimer} asks. For
 * each feed: take the lease (else another instance is polling it), offer held items whose wait is
 * over, then read pages from the cursor's look-back point and apply every row not yet applied, each
 * in its own transaction. A failure stops the feed's pass where it is; the next pass starts from
 * the committed cursor, after a back-off.
 */
@ApplicationScoped
public class FeedRunner {

    static final String POLL_INTERVAL = "fieldsync.inbound.poll-interval-ms";
    static final String LEASE_SECONDS = "fieldsync.inbound.lease-seconds";
    static final String NUDGE_QUIET = "fieldsync.inbound.nudge-quiet-ms";
    private static final Logger LOG = Logger.getLogger(FeedRunner.class.getName());
    private static final int HELD_PER_PASS = 200;
    private static final int NUDGES_PER_PASS = 5_000;
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    @Inject
    @Any
    Instance<InboundFeed> feeds;

    @Inject
    FeedStore store;

    @Inject
    FeedApplier applier;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    private final String owner = ownerName();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean deferred = new AtomicBoolean();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private ExecutorService executor;

    /** Starts a pass over all feeds unless one is running; never blocks. */
    public void poll() {
        start(false);
    }

    /**
     * Records that the platform said a row of {@code feed} changed (a webhook), durably, and starts
     * a pass that reads such rows (not a whole poll) as soon as the thread is free.
     */
    public void nudge(String feed, String rowId) {
        store.nudge(feed, rowId, clock.millis());
        start(true);
    }

    private void start(boolean nudgesOnly) {
        if (stopped) {
            return;
        }
        if (nudgesOnly) {
            nudged.set(true); // a pass running now may have read the nudges already: run one more
        }
        if (running.compareAndSet(false, true)) {
            try {
                executor().execute(() -> {
                    try {
                        boolean only = nudgesOnly;
                        do {
                            nudged.set(false);
                            deferred.set(false);
                            runAll(only);
                            only = true;
                            if (deferred.get() && !stopped) {
                                pause(nudgeQuietMillis());
                                nudged.set(true);
                            }
                        } while (nudged.get() && !stopped);
                    } finally {
                        running.set(false);
                    }
                });
            } catch (RuntimeException e) {
                running.set(false);
                throw e;
            }
        }
    }

    /** How each feed is doing, for health and the admin API. */
    public List<FeedStatus> status() {
        List<FeedStatus> result = new ArrayList<>();
        for (InboundFeed feed : sorted()) {
            Health h = health.computeIfAbsent(feed.name(), n -> new Health());
            Optional<FeedState> state = store.state(feed.name());
            result.add(new FeedStatus(
                    feed.name(),
                    feed.enabled(),
                    state.map(FeedState::getAppliedCount).orElse(0L),
                    store.count(feed.name(), InboundItem.State.HELD),
                    store.count(feed.name(), InboundItem.State.REPORTED),
                    state.map(FeedState::getCursor)
                            .map(FeedCursor::decode)
                            .map(c -> c.watermark().toString())
                            .orElse(null),
                    state.map(FeedState::getLeaseOwner).orElse(null),
                    owner.equals(state.map(FeedState::getLeaseOwner).orElse(null)),
                    h.lastSuccessAt,
                    h.failures,
                    feed.enabled() ? h.lastError : null,
                    h.authFailure,
                    store.nudgeCount(feed.name())));
        }
        return result;
    }

    /** This instance's name in lease rows. */
    public String owner() {
        return owner;
    }

    private void runAll(boolean nudgesOnly) {
        for (InboundFeed feed : sorted()) {
            if (stopped) {
                return;
            }
            if (!feed.enabled()) {
                continue;
            }
            Health h = health.computeIfAbsent(feed.name(), n -> new Health());
            if (clock.millis() < h.nextAttemptAt) {
                continue;
            }
            try {
                run(feed, h, nudgesOnly);
                h.succeeded(clock.millis());
            } catch (FeedException e) {
                h.failed(clock.millis(), e.getMessage(), e.isAuthFailure(), e.retryAfter(), pollInterval());
                LOG.warning(() -> "FieldSync: feed " + feed.name() + " stopped for now: " + e.getMessage());
            } catch (LeaseLostException e) {
                h.failed(clock.millis(), e.getMessage(), false, null, pollInterval());
                LOG.info(() -> "FieldSync: " + e.getMessage());
            } catch (RuntimeException e) {
                String message = Replies.describe(e);
                h.failed(clock.millis(), message, false, null, pollInterval());
                LOG.log(
                        Level.WARNING,
                        "FieldSync: feed " + feed.name() + " stopped for now, will retry: " + message,
                        e);
            }
        }
    }

    private void run(InboundFeed feed, Health h, boolean nudgesOnly) throws FeedException {
        Optional<String> problem = feed.configurationProblem();
        if (problem.isPresent()) {
            throw new FeedException("not configured: " + problem.get(), false, null);
        }
        long leaseMillis = settings.integer(LEASE_SECONDS, 30, 5, 3600) * 1000L;
        String name = feed.name();
        FeedCursor initial = FeedCursor.startingAt(feed.startFrom(), feed.lookBack());
        if (store.state(name).isEmpty()) {
            try {
                store.create(name, initial);
            } catch (EJBException e) {
                // another instance created it at the same moment
            }
        }
        if (!store.acquire(name, owner, leaseMillis)) {
            h.standby = true;
            return;
        }
        h.standby = false;
        applyNudged(feed, leaseMillis);
        if (nudgesOnly) {
            return;
        }
        applyHeld(feed, leaseMillis);
        FeedCursor cursor = store.cursorWithSeen(name, initial);
        // Most passes read from the watermark on ("ge": rows sharing its timestamp come again and
        // are recognised); every few seconds a sweep re-reads the look-back window for rows that
        // committed late with an older timestamp. Re-reading the window on every pass would cost
        // pages in proportion to the rows in it.
        long now = clock.millis();
        boolean sweep = now - h.lastSweepAt >= sweepInterval(cursor.lookBack());
        Instant from = sweep ? cursor.pollFrom() : cursor.watermark();
        String next = null;
        do {
            FeedPage page = feed.fetch(from, next);
            for (FeedRow row : page.rows()) {
                if (stopped) {
                    return;
                }
                if (!cursor.isNew(row.id(), row.modified())) {
                    continue;
                }
                Delivery delivery = feed.prepare(row);
                if (delivery instanceof Delivery.Later later) {
                    // stop before the row: the next pass reads it again, from the same watermark
                    LOG.fine(() -> "FieldSync: feed " + name + " waits at " + row.id() + ": " + later.reason());
                    return;
                }
                applier.apply(name, owner, leaseMillis, initial, row, delivery);
                cursor = cursor.advance(row.id(), row.modified());
            }
            next = page.nextLink();
        } while (next != null);
        if (sweep) {
            h.lastSweepAt = now;
            store.forgetSeen(name, cursor.pollFrom());
        }
    }

    /** A quarter of the look-back window, between one poll interval and ten seconds. */
    private long sweepInterval(Duration lookBack) {
        return Math.max(pollInterval(), Math.min(lookBack.toMillis() / 4, 10_000));
    }

    /**
     * Reads each row the platform nudged about, once for however many nudges it got, and applies
     * it; then forgets those nudges (not ones that came in meanwhile: they may mean a newer change).
     * A row still being nudged (its newest nudge younger than {@code
     * fieldsync.inbound.nudge-quiet-ms}) waits for the storm to pass, at most ten times that long
     * since its first nudge, so that a burst of duplicate callbacks costs one read.
     */
    private void applyNudged(InboundFeed feed, long leaseMillis) throws FeedException {
        List<FeedNudge> waiting = store.nudges(feed.name(), NUDGES_PER_PASS);
        Map<String, List<String>> byRow = new LinkedHashMap<>();
        Map<String, long[]> span = new HashMap<>();
        for (FeedNudge n : waiting) {
            byRow.computeIfAbsent(n.getRowId(), id -> new ArrayList<>()).add(n.getNudgeId());
            long[] firstLast = span.computeIfAbsent(n.getRowId(), id -> new long[] {Long.MAX_VALUE, 0});
            firstLast[0] = Math.min(firstLast[0], n.getReceivedAt());
            firstLast[1] = Math.max(firstLast[1], n.getReceivedAt());
        }
        long quiet = nudgeQuietMillis();
        long now = clock.millis();
        for (Map.Entry<String, List<String>> entry : byRow.entrySet()) {
            if (stopped) {
                return;
            }
            long[] firstLast = span.get(entry.getKey());
            if (now - firstLast[1] < quiet && now - firstLast[0] < 10 * quiet) {
                deferred.set(true); // still arriving: read it once they stop
                continue;
            }
            Optional<FeedRow> row = feed.reload(entry.getKey());
            if (row.isPresent()) {
                Delivery delivery = feed.prepare(row.get());
                if (delivery instanceof Delivery.Later) {
                    deferred.set(true);
                    continue; // its nudges stay: read again on a later pass
                }
                applier.applyNudged(feed.name(), owner, leaseMillis, delivery);
            }
            List<String> done = entry.getValue();
            for (int i = 0; i < done.size(); i += 500) {
                store.forgetNudges(done.subList(i, Math.min(done.size(), i + 500)));
            }
        }
    }

    private void applyHeld(InboundFeed feed, long leaseMillis) throws FeedException {
        for (InboundItem item : store.releasable(feed.name(), HELD_PER_PASS)) {
            if (stopped) {
                return;
            }
            Optional<FeedRow> row = feed.reload(item.getItemId());
            Delivery delivery = row.isPresent()
                    ? feed.prepare(row.get())
                    : new Delivery.Report(item.getItemId(), "held, then gone from the platform");
            if (delivery instanceof Delivery.Hold || delivery instanceof Delivery.Later) {
                continue; // still waiting (for something else now)
            }
            applier.applyHeld(feed.name(), owner, delivery);
        }
    }

    private List<InboundFeed> sorted() {
        List<InboundFeed> list = new ArrayList<>();
        feeds.forEach(list::add);
        list.sort(Comparator.comparingInt(InboundFeed::order).thenComparing(InboundFeed::name));
        return list;
    }

    private long nudgeQuietMillis() {
        return settings.integer(NUDGE_QUIET, 200, 0, 10_000);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pollInterval() {
        return settings.integer(POLL_INTERVAL, 2_000, 100, 3_600_000);
    }

    private synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(threads);
        }
        return executor;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e != null) {
            e.shutdown();
            try {
                if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
                    e.shutdownNow();
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e.shutdownNow();
            }
        }
        for (InboundFeed feed : sorted()) {
            try {
                store.release(feed.name(), owner);
            } catch (RuntimeException ex) {
                LOG.log(Level.FINE, "releasing the lease of " + feed.name(), ex);
            }
        }
    }

    private static String ownerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Per feed, in this instance's memory. */
    private static final class Health {
        volatile Long lastSuccessAt;
        volatile int failures;
        volatile String lastError;
        volatile boolean authFailure;
        volatile boolean standby;
        volatile long nextAttemptAt;
        volatile long lastSweepAt;

        void succeeded(long now) {
            lastSuccessAt = now;
            failures = 0;
            lastError = null;
            authFailure = false;
            nextAttemptAt = 0;
        }

        void failed(long now, String error, boolean auth, Duration retryAfter, long pollInterval) {
            failures++;
            lastError = error;
            authFailure = auth;
            long backoff = Math.min(MAX_BACKOFF_MILLIS, pollInterval << Math.min(failures - 1, 10));
            if (retryAfter != null) {
                backoff = Math.max(backoff, retryAfter.toMillis());
            }
            nextAttemptAt = now + backoff;
        }
    }
}
