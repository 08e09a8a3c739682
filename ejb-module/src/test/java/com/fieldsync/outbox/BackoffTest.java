package com.fieldsync.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(1_000, 60_000, 5);

    @Test
    void doublesPerAttemptWithinTheJitterBand() {
        assertEquals(500, backoff.delayMillis(1, null, () -> 0.0));
        assertEquals(1_000, backoff.delayMillis(1, null, () -> 1.0));
        assertEquals(2_000, backoff.delayMillis(2, null, () -> 1.0));
        assertEquals(4_000, backoff.delayMillis(3, null, () -> 1.0));
        assertEquals(2_000, backoff.delayMillis(3, null, () -> 0.0));
    }

    @Test
    void isCappedAtTheMaximumEvenAfterManyAttempts() {
        assertEquals(60_000, backoff.delayMillis(40, null, () -> 1.0));
        assertEquals(30_000, backoff.delayMillis(1_000, null, () -> 0.0));
    }

    @Test
    void retryAfterIsAFloorButNeverAboveTheCap() {
        assertEquals(7_000, backoff.delayMillis(1, Duration.ofSeconds(7), () -> 0.0));
        assertEquals(60_000, backoff.delayMillis(1, Duration.ofHours(2), () -> 0.0));
        assertEquals(4_000, backoff.delayMillis(3, Duration.ofSeconds(1), () -> 1.0));
    }

    @Test
    void exhaustedOnlyWhenALimitIsSet() {
        assertFalse(backoff.exhausted(4));
        assertTrue(backoff.exhausted(5));
        assertFalse(new Backoff(1_000, 60_000, 0).exhausted(1_000_000));
    }
}
