package com.fieldsync.it.micro;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition with a deadline: the tests' only way to wait. */
final class Await {

    private Await() {}

    /** Returns the first non-null value of {@code probe}, or fails with {@code what} after the timeout. */
    static <T> T until(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
