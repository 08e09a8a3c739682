package com.fieldsync.outbox;

import com.fieldsync.connector.Connector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The platform connectors deployed with this application. */
@ApplicationScoped
public class Connectors {

    @Inject
    Instance<Connector> all;

    public List<Connector> all() {
        return all.stream().toList();
    }

    public List<Connector> enabled() {
        return all.stream().filter(Connector::enabled).toList();
    }

    public Optional<Connector> byPlatform(String platform) {
        return all.stream().filter(c -> c.platform().equals(platform)).findFirst();
    }
}
