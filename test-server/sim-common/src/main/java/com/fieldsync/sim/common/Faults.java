package com.fieldsync.sim.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Queued faults, consumed in the order they were queued by the next API requests that match them. A matcher is an
 * HTTP method and/or a target (as {@link Call#target()} names it: an Odyssee controller, a Resco entity set), both
 * case-insensitive; null matches any.
 *
 * <p>A request takes at most one {@link Fault.Kind#LATENCY latency} fault and at most one other fault, so a standing
 * latency ({@link #always}) combines with one-shot failures. Thread-safe.
 */
public final class Faults {
    private final List<Entry> latencies = new ArrayList<>();
    private final List<Entry> others = new ArrayList<>();

    /** Plays {@code fault} on the next matching request only. */
    public Faults next(String method, String target, Fault fault) {
        return times(1, method, target, fault);
    }

    /** Plays {@code fault} on each of the next {@code count} matching requests. */
    public synchronized Faults times(int count, String method, String target, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        Entry entry = new Entry(method, target, fault, count);
        (fault.kind() == Fault.Kind.LATENCY ? latencies : others).add(entry);
        return this;
    }

    /** Plays {@code fault} on every matching request until {@link #clear()}. */
    public Faults always(String method, String target, Fault fault) {
        return times(Integer.MAX_VALUE, method, target, fault);
    }

    /** Forgets every queued fault. */
    public synchronized void clear() {
        latencies.clear();
        others.clear();
    }

    /** Whether no fault is waiting. */
    public synchronized boolean isEmpty() {
        return latencies.isEmpty() && others.isEmpty();
    }

    /** What a request of this method on this target (null if none) must suffer; consumes it. */
    public synchronized Planned take(String method, String target) {
        return new Planned(take(latencies, method, target), take(others, method, target));
    }

    /**
     * At most one latency and one other fault for one request.
     *
     * @param latency the delay to play first, or null
     * @param action the fault to play instead of or around the answer, or null
     */
    public record Planned(Fault latency, Fault action) {}

    private static Fault take(List<Entry> entries, String method, String target) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.matches(method, target)) {
                if (entry.remaining != Integer.MAX_VALUE && --entry.remaining == 0) {
                    it.remove();
                }
                return entry.fault;
            }
        }
        return null;
    }

    private static final class Entry {
        final String method;
        final String target;
        final Fault fault;
        int remaining;

        Entry(String method, String target, Fault fault, int remaining) {
            if (fault == null) {
                throw new IllegalArgumentException("fault is required");
            }
            this.method = method;
            this.target = target;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String requestTarget) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (target == null || target.equalsIgnoreCase(requestTarget));
        }
    }
}
