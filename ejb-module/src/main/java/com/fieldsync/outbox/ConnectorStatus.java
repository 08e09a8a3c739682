package com.fieldsync.outbox;

import com.fieldsync.connector.Connector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Whether each platform connector can work now: config complete and credentials not refused. */
@ApplicationScoped
public class ConnectorStatus {

    /** One connector's readiness; {@code problem} names the config key or the refusal. */
    public record Status(String platform, boolean enabled, boolean ready, String problem) {}

    @Inject
    Connectors connectors;

    @Inject
    PlatformHolds holds;

    public List<Status> all() {
        return connectors.all().stream().map(this::status).toList();
    }

    private Status status(Connector c) {
        if (!c.enabled()) {
            return new Status(c.platform(), false, true, null);
        }
        Optional<String> config = c.configurationProblem();
        if (config.isPresent()) {
            return new Status(c.platform(), true, false, config.get());
        }
        Optional<String> remote = c.remoteProblem();
        if (remote.isPresent()) {
            return new Status(c.platform(), true, false, remote.get());
        }
        return holds.hold(c.platform())
                .filter(PlatformHolds.Hold::credentials)
                .map(h -> new Status(c.platform(), true, false, h.reason()))
                .orElse(new Status(c.platform(), true, true, null));
    }
}
