package com.fieldsync.connector;

import com.fieldsync.erp.EntityType;
import java.util.Optional;

/**
 * An adapter that pushes ERP record changes to one mobile platform. Implementations are CDI beans;
 * the core finds them all with {@code Instance<Connector>}.
 */
public interface Connector {

    /** Stable platform name, stored in the outbox and link tables (e.g. {@code odyssee}). */
    String platform();

    /** Whether the admin switched this platform on; disabled platforms get no outbox rows. */
    boolean enabled();

    /**
     * Whether this platform synchronises records of {@code type} (as configured now); changes of
     * other types get no outbox row for it.
     */
    default boolean handles(EntityType type) {
        return true;
    }

    /**
     * Why the connector cannot work right now (missing or malformed config, naming the key), or
     * empty when its configuration is complete. Must not call the remote.
     */
    Optional<String> configurationProblem();

    /**
     * Sends the record's latest state. Must not throw for remote failures: every failure is an
     * {@link Outcome}. Never logs secrets.
     */
    Outcome push(PushRequest request);

    /**
     * A cheap authenticated call, used to find out whether a platform that refused our credentials
     * or was found {@link Outcome.Unusable} works again.
     */
    Outcome probe();

    /**
     * What the connector last found wrong on the platform's side that stops it from working (its
     * data model no longer has a mapped field, say), or empty. Must not call the remote: it reports
     * what the connector's own checks found.
     */
    default Optional<String> remoteProblem() {
        return Optional.empty();
    }
}
