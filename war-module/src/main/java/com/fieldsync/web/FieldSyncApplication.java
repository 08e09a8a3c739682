package com.fieldsync.web;

import com.fieldsync.web.admin.AdminResource;
import com.fieldsync.web.hooks.RescoWebhookResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * FieldSync's HTTP API under {@code /api}. It lists its classes so that, deployed in one WAR with
 * an ERP's own JAX-RS application, neither picks up the other's resources.
 */
@ApplicationPath("api")
public class FieldSyncApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminResource.class, RescoWebhookResource.class);
    }
}
