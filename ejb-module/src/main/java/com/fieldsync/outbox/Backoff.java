package com.fieldsync.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter over the upper half: the n-th retry waits between half and
 * all of {@code initial * 2^(n-1)}, capped at {@code max}; a platform's {@code Retry-After} is a
 * floor. Jitter keeps many records that failed together from retrying in lock-step.
 *
 * @param initialMillis delay before the first retry (before jitter)
 * @param maxMillis cap on any delay, Retry-After included
 * @param maxAttempts transient failures after which a change is dead-lettered; 0 retries forever
 */
public record Backoff(long initialMillis, long maxMillis, int maxAttempts) {

    /** Delay before retry number {@code attempt} (1 = first retry). */
    public long delayMillis(int attempt, Duration retryAfter, DoubleSupplier random) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        long base = Math.min(maxMillis, initialMillis << exponent);
        long jittered = base / 2 + (long) (random.getAsDouble() * (base - base / 2));
        long floor = retryAfter == null ? 0 : Math.min(retryAfter.toMillis(), maxMillis);
        return Math.max(jittered, floor);
    }

    /** Whether a change that has failed {@code attempts} times should stop being retried. */
    public boolean exhausted(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }
}
