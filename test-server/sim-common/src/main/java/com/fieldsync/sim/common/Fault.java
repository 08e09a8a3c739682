package com.fieldsync.sim.common;

/**
 * A misbehaviour a simulator plays on a request instead of (or around) answering it normally; queue them with
 * {@link Faults}. Whether the request's effect is applied differs per kind, and is what a connector has to cope with:
 * a refused request may be retried blindly, an unknown outcome may not.
 *
 * @param kind what happens
 * @param value the status code, the {@code Retry-After} seconds or the delay in milliseconds, per kind; 0 otherwise
 */
public record Fault(Kind kind, long value) {

    /** The kinds of fault. */
    public enum Kind {
        /** Answer {@code value} with the simulator's error body {@code "simulated <value>"}; not applied. */
        STATUS,
        /** Answer 429 with {@code Retry-After: <value>}; the request is not applied. */
        TOO_MANY_REQUESTS,
        /** Wait {@code value} ms, then process normally. */
        LATENCY,
        /** Close the connection without answering; the request is not applied. */
        DROP_CONNECTION,
        /** Apply the request, then close the connection without answering: an unknown outcome for the client. */
        APPLY_THEN_DROP,
        /** Apply the request and answer its normal status, but with a truncated, invalid body. */
        MALFORMED_BODY
    }

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == Kind.STATUS && (value < 100 || value > 599)) {
            throw new IllegalArgumentException("not an HTTP status: " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative value: " + value);
        }
    }

    /** Answers {@code code} with the simulator's error body without applying the request. */
    public static Fault status(int code) {
        return new Fault(Kind.STATUS, code);
    }

    /** Answers 429 with a {@code Retry-After} header, without applying the request. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(Kind.TOO_MANY_REQUESTS, retryAfterSeconds);
    }

    /** Delays the request by {@code millis}, then processes it normally. */
    public static Fault latency(long millis) {
        return new Fault(Kind.LATENCY, millis);
    }

    /** Closes the connection with no response; nothing is applied. The client sees an {@code IOException}. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0);
    }

    /** Applies the request fully (side effects such as webhooks included), then closes the connection unanswered. */
    public static Fault applyThenDrop() {
        return new Fault(Kind.APPLY_THEN_DROP, 0);
    }

    /** Applies the request, answers its normal status with a truncated body. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, 0);
    }

    /**
     * The fault named as in the control surface: {@code status}, {@code tooManyRequests}, {@code latency},
     * {@code dropConnection}, {@code applyThenDrop} or {@code malformedBody}.
     */
    public static Fault parse(String name, long value) {
        switch (name == null ? "" : name) {
            case "status":
                return status((int) value);
            case "tooManyRequests":
                return tooManyRequests((int) value);
            case "latency":
                return latency(value);
            case "dropConnection":
                return dropConnection();
            case "applyThenDrop":
                return applyThenDrop();
            case "malformedBody":
                return malformedBody();
            default:
                throw new IllegalArgumentException("unknown fault '" + name + "'");
        }
    }
}
