package com.fieldsync.outbox;

/** Life cycle of an outbox row. */
public enum OutboxState {
    /** Waiting to be sent, at or after {@code nextAttemptAt}. */
    PENDING,
    /** Claimed by a dispatcher until {@code leaseUntil}; a crashed claimer's rows become due again. */
    INFLIGHT,
    /** Sent, or superseded by a newer change of the same record that was sent. */
    DONE,
    /** Refused by the platform; waits for an admin to replay or discard it. */
    DEAD
}
