package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import com.fieldsync.inbound.FeedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads Resco's service document and {@code $metadata} and compares them with the mapping: at
 * start, every {@code fieldsync.resco.discovery-interval-seconds}, before the first push or poll, and
 * when an admin asks. While a mapped entity set or attribute is missing or has an incompatible
 * type, the connector is not ready and sends nothing (outbound changes wait, feeds pause), so a
 * drifted model stops the sync before it breaks records.
 */
@ApplicationScoped
public class RescoDiscovery {

    private static final Logger LOG = Logger.getLogger(RescoDiscovery.class.getName());

    @Inject
    Settings settings;

    @Inject
    RescoClients clients;

    @Inject
    Clock clock;

    private volatile Result last;

    /** What one discovery found. {@code drift} is empty when the model fits the mapping. */
    public record Result(long at, List<String> drift, String unreachable) {
        Optional<String> problem() {
            return drift.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", drift));
        }
    }

    /** The drift found by the last discovery, if it is still fresh enough, else by a new one. */
    Optional<String> problem(RescoSettings s) {
        Result r = last;
        if (r == null || clock.millis() - r.at() >= s.discoverySeconds() * 1000L) {
            r = discover(s);
        }
        return r.problem();
    }

    /** The last result, without calling Resco. */
    Optional<String> lastProblem() {
        Result r = last;
        return r == null ? Optional.empty() : r.problem();
    }

    /** Runs a discovery now (admin "check now", start-up, probes). */
    public Result discoverNow() {
        RescoSettings s = RescoSettings.from(settings);
        if (s.problem().isPresent()) {
            return new Result(
                    clock.millis(), List.of(), "not configured: " + s.problem().get());
        }
        return discover(s);
    }

    synchronized Result discover(RescoSettings s) {
        RescoReader reader = clients.reader(s);
        Result result;
        try {
            List<String> sets = reader.entitySets();
            List<String> drift;
            try {
                drift = Drift.problems(s.mapping(), sets, CsdlModel.parse(reader.metadata()), s.inboundEnabled());
            } catch (IllegalArgumentException e) {
                drift = List.of("Resco's " + e.getMessage());
            }
            result = new Result(clock.millis(), drift, null);
        } catch (FeedException e) {
            // Not drift: keep what the last discovery knew, and say why this one could not run.
            Result previous = last;
            result = new Result(clock.millis(), previous == null ? List.of() : previous.drift(), e.getMessage());
        }
        Result before = last;
        last = result;
        if (!result.drift().isEmpty() && (before == null || !before.drift().equals(result.drift()))) {
            LOG.warning("FieldSync: Resco's data model no longer fits the mapping; Resco sync is paused until it"
                    + " does: " + String.join("; ", result.drift()));
        } else if (result.drift().isEmpty() && before != null && !before.drift().isEmpty()) {
            LOG.info("FieldSync: Resco's data model fits the mapping again; Resco sync resumes");
        }
        return result;
    }
}
