package com.fieldsync.outbox;

import com.fieldsync.config.Settings;

/**
 * The dispatcher's tuning, read once per round.
 *
 * @param batchSize records claimed per round ({@code fieldsync.dispatch.batch-size})
 * @param concurrency records delivered at once ({@code fieldsync.dispatch.concurrency})
 * @param leaseMillis how long a claim is exclusive; a crashed instance's claims are taken over after
 *     it ({@code fieldsync.dispatch.lease-ms})
 * @param backoff retry timing
 * @param authProbeMillis how often a platform whose credentials were refused is probed
 * @param coalesceMillis after a record was sent, how long its next change waits so that a burst of
 *     edits is sent as one call ({@code fieldsync.dispatch.coalesce-window-ms})
 */
public record DispatchSettings(
        int batchSize, int concurrency, long leaseMillis, Backoff backoff, long authProbeMillis, long coalesceMillis) {

    public static final String BATCH_SIZE = "fieldsync.dispatch.batch-size";
    public static final String CONCURRENCY = "fieldsync.dispatch.concurrency";
    public static final String LEASE_MS = "fieldsync.dispatch.lease-ms";
    public static final String SWEEP_MS = "fieldsync.dispatch.sweep-interval-ms";
    public static final String RETRY_INITIAL_MS = "fieldsync.retry.initial-delay-ms";
    public static final String RETRY_MAX_MS = "fieldsync.retry.max-delay-ms";
    public static final String RETRY_MAX_ATTEMPTS = "fieldsync.retry.max-attempts";
    public static final String AUTH_PROBE_MS = "fieldsync.auth.probe-interval-ms";
    public static final String COALESCE_MS = "fieldsync.dispatch.coalesce-window-ms";
    public static final String RETENTION_MINUTES = "fieldsync.outbox.retention-minutes";
    public static final String PRUNE_INTERVAL_MS = "fieldsync.outbox.prune-interval-ms";

    static DispatchSettings from(Settings s) {
        return new DispatchSettings(
                s.integer(BATCH_SIZE, 100, 1, 10_000),
                s.integer(CONCURRENCY, 8, 1, 256),
                s.integer(LEASE_MS, 120_000, 1_000, 86_400_000),
                new Backoff(
                        s.integer(RETRY_INITIAL_MS, 1_000, 10, 3_600_000),
                        s.integer(RETRY_MAX_MS, 300_000, 10, 86_400_000),
                        s.integer(RETRY_MAX_ATTEMPTS, 0, 0, 1_000_000)),
                s.integer(AUTH_PROBE_MS, 10_000, 100, 3_600_000),
                s.integer(COALESCE_MS, 500, 0, 60_000));
    }
}
