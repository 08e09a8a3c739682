package com.fieldsync.sim.dynamics;

import java.time.Duration;
import java.util.Objects;

/** The timings and limits a test may change; read by the handler on every request. Thread-safe. */
final class Settings {
    private volatile Duration uploadSlotValidity = DynamicsSimulator.DEFAULT_UPLOAD_SLOT_VALIDITY;
    private volatile Duration linkValidity = DynamicsSimulator.DEFAULT_LINK_VALIDITY;
    private volatile Duration visibilityTimeout = DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT;
    private volatile int pullBatchSize = DynamicsSimulator.DEFAULT_PULL_BATCH_SIZE;
    private volatile boolean knownMobileUsersOnly;

    Duration uploadSlotValidity() {
        return uploadSlotValidity;
    }

    void uploadSlotValidity(Duration validity) {
        this.uploadSlotValidity = positive(validity, "upload slot validity");
    }

    Duration linkValidity() {
        return linkValidity;
    }

    void linkValidity(Duration validity) {
        this.linkValidity = positive(validity, "link validity");
    }

    Duration visibilityTimeout() {
        return visibilityTimeout;
    }

    void visibilityTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("visibility timeout must not be negative: " + timeout);
        }
        this.visibilityTimeout = timeout;
    }

    int pullBatchSize() {
        return pullBatchSize;
    }

    void pullBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pull batch size must be positive: " + size);
        }
        this.pullBatchSize = size;
    }

    boolean knownMobileUsersOnly() {
        return knownMobileUsersOnly;
    }

    void knownMobileUsersOnly(boolean only) {
        this.knownMobileUsersOnly = only;
    }

    private static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        return duration;
    }
}
