package com.fieldsync.demo.erp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The demo ERP's REST API under {@code /erp}; lists its classes so it never picks up FieldSync's. */
@ApplicationPath("erp")
public class ErpApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ErpResource.class, InboundResource.class);
    }
}
