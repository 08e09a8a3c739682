package com.fieldsync.web.health;

import com.fieldsync.outbox.ConnectorStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every enabled connector has complete config and accepted credentials; the data of the
 * check names the config key or the refusal for each one that is not.
 */
@Readiness
@ApplicationScoped
public class ConnectorsReadiness implements HealthCheck {

    @Inject
    ConnectorStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder =
                HealthCheckResponse.named("fieldsync-connectors").up();
        for (ConnectorStatus.Status s : status.all()) {
            if (!s.enabled()) {
                builder.withData(s.platform(), "disabled");
            } else if (s.ready()) {
                builder.withData(s.platform(), "ready");
            } else {
                builder.down().withData(s.platform(), "not ready: " + s.problem());
            }
        }
        return builder.build();
    }
}
