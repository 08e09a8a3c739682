package com.fieldsync.outbox;

import com.fieldsync.config.Settings;
import com.fieldsync.connector.Connector;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox: claims a batch of due records, delivers them with bounded concurrency, and
 * repeats while work is due. Woken after every ERP commit that queued something and by the sweep
 * timer; at most one pump runs per instance, and several instances share the queue through the
 * database claim.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxStore store;

    @Inject
    RecordDelivery delivery;

    @Inject
    Connectors connectors;

    @Inject
    PlatformHolds holds;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;
    private long lastRelease;
    private ScheduledExecutorService pump;
    private ThreadPoolExecutor workers;

    /** Asks for a pass over the outbox soon; cheap and non-blocking, safe from any thread. */
    public void wake() {
        again.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            pumpExecutor().execute(this::pump);
        }
    }

    /*
     * The pump never waits for deliveries: it claims as many records as there are free delivery
     * slots and returns; every finished delivery wakes it again. So a change committed while others
     * are being sent is claimed as soon as a slot frees, not after the slowest of a batch.
     */
    private void pump() {
        try {
            while (again.getAndSet(false) && !stopped) {
                DispatchSettings s = DispatchSettings.from(settings);
                probeHeldPlatforms(s);
                releaseExpiredClaims();
                while (!stopped && claimAndSubmit(s) > 0) {
                    // settings are read once per pass, not per claim
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FieldSync dispatcher pass failed; retrying on the next wake-up", e);
        } finally {
            running.set(false);
            if (again.get() && !stopped) {
                wake();
            }
        }
    }

    /**
     * Claims due records for the free delivery slots and hands them to the workers; returns how
     * many were claimed. Under load it waits until half the slots are free, so claims stay batched.
     */
    int claimAndSubmit(DispatchSettings s) {
        int slots = 2 * s.concurrency();
        int busy = inFlight.get();
        int free = slots - busy;
        if (free <= 0 || (busy > 0 && free < slots / 2)) {
            return 0;
        }
        long now = clock.millis();
        List<String> platforms = new ArrayList<>();
        for (Connector c : connectors.enabled()) {
            if (holds.open(c.platform(), now) && c.configurationProblem().isEmpty()) {
                platforms.add(c.platform());
            }
        }
        List<ClaimedRecord> claimed = store.claim(
                platforms, Math.min(free, s.batchSize()), now, now + s.leaseMillis(), now - s.coalesceMillis());
        ThreadPoolExecutor pool = workers(s.concurrency());
        for (ClaimedRecord record : claimed) {
            inFlight.incrementAndGet();
            try {
                pool.execute(() -> deliver(record, s));
            } catch (RuntimeException rejected) {
                // Shutting down: the claim's lease runs out and another instance (or the next start)
                // takes the record over.
                inFlight.decrementAndGet();
            }
        }
        return claimed.size();
    }

    private void deliver(ClaimedRecord record, DispatchSettings s) {
        try {
            delivery.deliver(record, s);
        } catch (RuntimeException e) {
            // The record stays INFLIGHT until its lease ends, then it is claimed again.
            LOG.log(Level.WARNING, "FieldSync delivery of " + record.recordKey() + " failed unexpectedly", e);
        } finally {
            inFlight.decrementAndGet();
            wake();
            // Edits of this record that arrive now wait out the coalescing window; look again
            // right when it ends instead of at the next sweep.
            wakeAfter(s.coalesceMillis() + 5);
        }
    }

    private void wakeAfter(long millis) {
        try {
            pumpExecutor().schedule(this::wake, millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shuttingDown) {
            // the next start sweeps
        }
    }

    private void releaseExpiredClaims() {
        long now = clock.millis();
        if (now - lastRelease >= 1_000) {
            lastRelease = now;
            int released = store.releaseExpiredClaims(now);
            if (released > 0) {
                LOG.warning(() -> "FieldSync: took over " + released + " changes whose claim expired (an instance"
                        + " crashed or hung); they are sent again");
            }
        }
    }

    private void probeHeldPlatforms(DispatchSettings s) {
        long now = clock.millis();
        for (Connector c : connectors.enabled()) {
            holds.hold(c.platform())
                    .filter(h -> h.credentials() && h.until() <= now)
                    .ifPresent(h -> delivery.probe(c, s));
        }
    }

    private synchronized ScheduledExecutorService pumpExecutor() {
        if (pump == null) {
            pump = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return pump;
    }

    private synchronized ThreadPoolExecutor workers(int concurrency) {
        if (workers == null) {
            workers = new ThreadPoolExecutor(
                    concurrency, concurrency, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        } else if (workers.getMaximumPoolSize() != concurrency) {
            if (concurrency > workers.getMaximumPoolSize()) {
                workers.setMaximumPoolSize(concurrency);
                workers.setCorePoolSize(concurrency);
            } else {
                workers.setCorePoolSize(concurrency);
                workers.setMaximumPoolSize(concurrency);
            }
        }
        return workers;
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        for (ExecutorService e : new ExecutorService[] {pump, workers}) {
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
        }
    }
}
