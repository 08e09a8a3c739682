package com.fieldsync.connector;

import com.fieldsync.erp.EntityType;
import java.time.Duration;

/** What became of one push. */
public sealed interface Outcome {

    /** The platform holds the record's state; {@code hash} identifies {@code payload}, as sent. */
    record Delivered(String remoteId, String hash, String payload) implements Outcome {}

    /** Nothing to send: the platform already holds exactly this payload. */
    record Unchanged() implements Outcome {}

    /** The platform cannot represent this change (e.g. no delete API); recorded, no call made. */
    record NotApplicable(String reason) implements Outcome {}

    /** The platform refused the record (400, 409, 422…): retrying unchanged cannot help. */
    record Rejected(int status, String message) implements Outcome {}

    /** Worth retrying later: timeout, reset, 5xx, 429; {@code retryAfter} may be null. */
    record Transient(String message, Duration retryAfter) implements Outcome {}

    /** The platform refused our credentials (401/403): not the record's fault. */
    record AuthFailed(int status, String message) implements Outcome {}

    /**
     * The platform cannot take any record now, for a reason that is not the record's (its data model
     * drifted from the mapping): hold the platform, like refused credentials, until {@link
     * Connector#probe()} succeeds.
     */
    record Unusable(String message) implements Outcome {}

    /** A referenced record has not reached the platform yet; try again once it has. */
    record WaitingFor(EntityType type, String erpKey) implements Outcome {}
}
