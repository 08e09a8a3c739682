package com.fieldsync.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** FieldSync is deployed and answering; nothing a restart would fix is known to be wrong. */
@Liveness
@ApplicationScoped
public class FieldSyncLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("fieldsync");
    }
}
