package com.fieldsync.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes: the only way these tests wait, so no test
 * waits longer than its condition needs nor hangs past its bound.
 */
public final class Await {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Await() {}

    /**
     * Evaluates {@code probe} until it returns a value or {@code timeout} has passed.
     *
     * @param what what is awaited, for the failure message
     * @param timeout the bound
     * @param probe returns the awaited value, or empty to try again; exceptions fail at once
     * @param lastState describes the state seen last, for the failure message
     * @return the value and how long it took to appear
     * @throws AssertionError when the deadline passes first
     */
    public static <T> Result<T> until(
            String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastState) {
        return until(what, timeout, INTERVAL, probe, lastState);
    }

    /** Like {@link #until(String, Duration, Supplier, Supplier)}, trying every {@code interval}. */
    public static <T> Result<T> until(
            String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe, Supplier<String> lastState) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return new Result<>(value.get(), Duration.between(begin, Instant.now()));
            }
            if (!Instant.now().plus(interval).isBefore(deadline)) {
                throw new AssertionError(
                        what + " did not happen within " + timeout.toSeconds() + " s; last seen: " + lastState.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(interval.toMillis()));
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting until " + what);
            }
        }
    }

    /**
     * Polls every 25 ms until {@code probe} returns a value that is neither null nor {@code false}.
     *
     * @return that value
     */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe) {
        return until(
                        what,
                        timeout,
                        Duration.ofMillis(25),
                        () -> Optional.ofNullable(probe.get()).filter(v -> !Boolean.FALSE.equals(v)),
                        () -> "(not met)")
                .value();
    }

    /** The awaited value and the time it took. */
    public record Result<T>(T value, Duration took) {}
}
