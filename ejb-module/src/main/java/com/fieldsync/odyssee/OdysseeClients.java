package com.fieldsync.odyssee;

import com.fieldsync.odyssee.api.OdysseeApi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Holds the one REST client for the current settings (each client is a connection pool) and
 * rebuilds it only when the admin changes a setting.
 */
@ApplicationScoped
public class OdysseeClients {

    private static final Logger LOG = Logger.getLogger(OdysseeClients.class.getName());

    private OdysseeSettings current;
    private OdysseeApi client;
    private Client links;

    synchronized OdysseeApi client(OdysseeSettings settings) {
        if (client == null || !settings.equals(current)) {
            close();
            String authorization = settings.authorization();
            client = RestClientBuilder.newBuilder()
                    .baseUri(URI.create(settings.url()))
                    .connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                    // Every status reaches the connector as a Response; it classifies them itself.
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .register((ClientRequestFilter)
                            ctx -> ctx.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization))
                    .build(OdysseeApi.class);
            // @odata.nextLink is an absolute URL to follow as it is: a plain JAX-RS client with the
            // same timeouts and credentials (OdysseeReader only follows links to the configured origin)
            links = ClientBuilder.newBuilder()
                    .connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .register((ClientRequestFilter)
                            ctx -> ctx.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization))
                    .build();
            current = settings;
            LOG.info(() -> "FieldSync: Odyssee client ready for " + settings);
        }
        return client;
    }

    /** The client for absolute links the API hands out, with the same settings as {@link #client}. */
    synchronized Client links(OdysseeSettings settings) {
        client(settings);
        return links;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the old Odyssee client", e);
            }
            client = null;
        }
        if (links != null) {
            links.close();
            links = null;
        }
    }
}
