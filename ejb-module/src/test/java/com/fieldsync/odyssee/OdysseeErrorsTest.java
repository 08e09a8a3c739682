package com.fieldsync.odyssee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.Replies;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class OdysseeErrorsTest {

    /** A response as the REST client hands it over, backed by a buffered string entity. */
    private static Response response(int status, String body, String retryAfter) {
        return new BufferedResponse(
                status, body, retryAfter == null ? java.util.Map.of() : java.util.Map.of("Retry-After", retryAfter));
    }

    @Test
    void validationErrorsAreRejectionsCarryingTheRemoteMessage() {
        for (int status : new int[] {400, 409, 422, 417, 404}) {
            Outcome o = OdysseeErrors.outcome(response(status, "{\"message\":\"code is required\"}", null));
            Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, o, "status " + status);
            assertEquals(status, r.status());
            assertEquals("code is required", r.message());
        }
    }

    @Test
    void aBodyThatIsNotJsonIsShownAsTextBounded() {
        Outcome.Rejected r =
                assertInstanceOf(Outcome.Rejected.class, OdysseeErrors.outcome(response(400, "x".repeat(2000), null)));
        assertTrue(r.message().length() <= 501, "bounded: " + r.message().length());
        assertEquals("(empty body)", ((Outcome.Rejected) OdysseeErrors.outcome(response(422, "", null))).message());
    }

    @Test
    void unauthorizedAndForbiddenAreNotTheRecordsFaultAndNameTheKeysNotTheSecret() {
        for (int status : new int[] {401, 403}) {
            Outcome.AuthFailed a =
                    assertInstanceOf(Outcome.AuthFailed.class, OdysseeErrors.outcome(response(status, "denied", null)));
            assertTrue(a.message().contains("fieldsync.odyssee.password"), a.message());
        }
    }

    @Test
    void throttlingServerErrorsAndTimeoutsAreTransientWithRetryAfter() {
        Outcome.Transient t = assertInstanceOf(
                Outcome.Transient.class, OdysseeErrors.outcome(response(429, "{\"message\":\"slow down\"}", "7")));
        assertEquals(Duration.ofSeconds(7), t.retryAfter());
        for (int status : new int[] {500, 502, 503, 504, 408}) {
            assertInstanceOf(Outcome.Transient.class, OdysseeErrors.outcome(response(status, null, null)));
        }
    }

    @Test
    void retryAfterAsAnHttpDateOrGarbage() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration d = Replies.retryAfter(response(503, null, inTenSeconds));
        assertTrue(d.toSeconds() >= 8 && d.toSeconds() <= 10, d.toString());
        assertNull(Replies.retryAfter(response(503, null, "soon")));
        assertEquals(Duration.ZERO, Replies.retryAfter(response(503, null, "-5")));
    }

    @Test
    void returnedIdIsReadFromTheBodyAndAbsentWhenTheBodyIsGarbled() {
        assertEquals(
                "abc",
                OdysseeErrors.returnedId(response(201, "{\"id\":\"abc\"}", null))
                        .orElseThrow());
        assertFalse(OdysseeErrors.returnedId(response(201, "{\"id\":", null)).isPresent());
    }
}
