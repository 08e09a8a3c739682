package com.fieldsync.outbox;

import com.fieldsync.connector.Connector;
import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.PushRequest;
import com.fieldsync.connector.PushRequest.LinkState;
import com.fieldsync.links.LinkStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/** Delivers one claimed record to its platform and records the outcome. */
@ApplicationScoped
public class RecordDelivery {

    private static final Logger LOG = Logger.getLogger(RecordDelivery.class.getName());

    @Inject
    OutboxStore store;

    @Inject
    LinkStore links;

    @Inject
    Connectors connectors;

    @Inject
    PlatformHolds holds;

    @Inject
    Clock clock;

    void deliver(ClaimedRecord r, DispatchSettings s) {
        Optional<Connector> found = connectors.byPlatform(r.platform());
        if (found.isEmpty()) {
            long now = clock.millis();
            store.retryLater(r, now, now + s.backoff().maxMillis(), false, 0, "no connector for " + r.platform(), null);
            return;
        }
        record(r, found.get().push(request(r)), s);
    }

    private PushRequest request(ClaimedRecord r) {
        ClaimedRecord.LinkSnapshot link = r.link();
        LinkState state = link == null ? LinkState.NEW : link.confirmed() ? LinkState.CONFIRMED : LinkState.UNCONFIRMED;
        return new PushRequest(
                r.type(),
                r.erpKey(),
                r.kind(),
                r.fields(),
                link == null ? null : link.remoteId(),
                state,
                link == null ? null : link.lastHash(),
                (type, erpKey) -> links.confirmedRemoteId(OutboxEntry.recordKey(r.platform(), type.name(), erpKey)),
                proposed -> links.reserve(
                                r.recordKey(), r.platform(), r.type().name(), r.erpKey(), proposed, clock.millis())
                        .getRemoteId());
    }

    private void record(ClaimedRecord r, Outcome outcome, DispatchSettings s) {
        long now = clock.millis();
        if (outcome instanceof Outcome.Delivered d) {
            store.done(r, now, null, d);
        } else if (outcome instanceof Outcome.Unchanged) {
            store.done(r, now, "unchanged: no call made", null);
        } else if (outcome instanceof Outcome.NotApplicable n) {
            store.done(r, now, n.reason(), null);
        } else if (outcome instanceof Outcome.Rejected rej) {
            LOG.warning(() -> "FieldSync: " + r.platform() + " rejected " + r.type() + " '" + r.erpKey() + "' ("
                    + rej.status() + "): " + rej.message() + "; dead-lettered for an admin to fix and replay");
            store.dead(r, now, rej.status(), rej.message());
        } else if (outcome instanceof Outcome.Transient t) {
            retryTransient(r, t, s, now);
        } else if (outcome instanceof Outcome.AuthFailed a) {
            holds.holdForCredentials(r.platform(), now + s.authProbeMillis(), a.message());
            store.retryLater(r, now, now, false, a.status(), a.message(), null);
        } else if (outcome instanceof Outcome.Unusable u) {
            holds.holdForCredentials(r.platform(), now + s.authProbeMillis(), u.message());
            store.retryLater(r, now, now, false, 0, u.message(), null);
        } else if (outcome instanceof Outcome.WaitingFor w) {
            String dependency = OutboxEntry.recordKey(r.platform(), w.type().name(), w.erpKey());
            // The referenced record may have been confirmed by a concurrent delivery while this one
            // was mapped; its nudge could not reach this claimed row, so look once more.
            long delay = links.confirmedRemoteId(dependency).isPresent() ? 0 : waitDelay(r.attempts());
            String why = "waiting for " + w.type() + " '" + w.erpKey() + "' to reach " + r.platform();
            store.retryLater(r, now, now + delay, true, 0, why, dependency);
        }
    }

    /**
     * How long a change waits for a referenced record: short at first, because that record is
     * usually being delivered at this very moment, then doubling up to a minute.
     */
    static long waitDelay(int attemptsSoFar) {
        return Math.min(100L << Math.min(attemptsSoFar, 10), 60_000);
    }

    private void retryTransient(ClaimedRecord r, Outcome.Transient t, DispatchSettings s, long now) {
        int attempt = r.attempts() + 1;
        if (s.backoff().exhausted(attempt)) {
            store.dead(r, now, 0, "gave up after " + attempt + " attempts: " + t.message());
            return;
        }
        long delay = s.backoff().delayMillis(attempt, t.retryAfter(), ThreadLocalRandom.current()::nextDouble);
        if (t.retryAfter() != null) {
            holds.throttle(r.platform(), now + delay, t.message());
        }
        store.retryLater(r, now, now + delay, true, 0, t.message(), null);
    }

    /** Tries the platform's credentials again; lifts the hold if they work. */
    void probe(Connector connector, DispatchSettings s) {
        Outcome outcome = connector.probe();
        long now = clock.millis();
        if (outcome instanceof Outcome.AuthFailed a) {
            holds.holdForCredentials(connector.platform(), now + s.authProbeMillis(), a.message());
        } else if (outcome instanceof Outcome.Unusable u) {
            holds.holdForCredentials(connector.platform(), now + s.authProbeMillis(), u.message());
        } else if (outcome instanceof Outcome.Transient t) {
            holds.holdForCredentials(connector.platform(), now + s.authProbeMillis(), t.message());
        } else {
            holds.release(connector.platform());
        }
    }
}
