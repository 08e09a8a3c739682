package com.fieldsync.sim.common;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A simulator's clock, the source of every modification stamp it writes. It follows the system clock (UTC, millisecond
 * precision) until a test {@link #set(Instant) sets} it: from then on it stands still, so that many records can share
 * one stamp (the case that breaks naive {@code gt} polling), and moves only when {@link #advance(Duration) advanced}.
 * Thread-safe.
 */
public final class SimClock {
    private Instant frozenAt;
    private Duration offset = Duration.ZERO;

    /** The current simulated time, truncated to milliseconds. */
    public synchronized Instant now() {
        Instant now = frozenAt != null ? frozenAt : Instant.now().plus(offset);
        return now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Stops the clock at {@code instant}; it stays there until advanced, set again or {@link #useSystemTime()}. */
    public synchronized SimClock set(Instant instant) {
        frozenAt = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /** Moves the clock forward (or back, with a negative duration), whether stopped or running. */
    public synchronized SimClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
        return this;
    }

    /** Back to following the system clock with no offset. */
    public synchronized SimClock useSystemTime() {
        frozenAt = null;
        offset = Duration.ZERO;
        return this;
    }

    /** True while {@link #set(Instant)} holds the clock still. */
    public synchronized boolean isStopped() {
        return frozenAt != null;
    }
}
