package com.fieldsync.resco;

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
 * Holds one REST client and one link-following client for the current connection settings, and
 * rebuilds them only when the admin changes one.
 *
 * <p>PATCH: Jersey's default connector (HttpURLConnection) refuses the method (Payara issue 5097),
 * so both clients use Jersey's connector on the JDK's {@code java.net.http} client, which FieldSync
 * ships (jersey-jnh-connector, in the EAR's lib and the WAR's WEB-INF/lib).
 */
@ApplicationScoped
public class RescoClients {

    static final String CONNECTOR_PROVIDER = "jersey.config.client.connector.provider";
    static final String JNH_CONNECTOR = "org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider";
    private static final Logger LOG = Logger.getLogger(RescoClients.class.getName());

    private RescoSettings.ClientKey current;
    private RescoApi api;
    private Client links;

    synchronized RescoApi api(RescoSettings settings) {
        RescoSettings.ClientKey key = settings.clientKey();
        if (api == null || !key.equals(current)) {
            close();
            String authorization = settings.authorization();
            ClientRequestFilter auth = ctx -> ctx.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
            api = withOwnClassLoader(() -> RestClientBuilder.newBuilder()
                    .baseUri(URI.create(settings.url()))
                    .connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .property(CONNECTOR_PROVIDER, JNH_CONNECTOR)
                    .register(auth)
                    .build(RescoApi.class));
            links = ClientBuilder.newBuilder()
                    .connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                    .register(auth)
                    .build();
            current = key;
            LOG.info(() -> "FieldSync: Resco client ready for " + key);
        }
        return api;
    }

    /**
     * Runs {@code build} with FieldSync's class loader as the thread's context class loader: Jersey
     * looks the connector provider up by name there, and the timer and executor threads of an EAR
     * carry a loader that does not see the EAR's lib/.
     */
    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> build) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(RescoClients.class.getClassLoader());
        try {
            return build.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The reader of entity set pages, with the same settings as {@link #api}. */
    synchronized RescoReader reader(RescoSettings settings) {
        api(settings);
        return new RescoReader(links, settings.url());
    }

    /** The plain client for absolute URLs Resco hands out (next pages, hook locations); same settings. */
    synchronized Client links(RescoSettings settings) {
        api(settings);
        return links;
    }

    @PreDestroy
    synchronized void close() {
        if (api != null) {
            try {
                api.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the old Resco client", e);
            }
            api = null;
        }
        if (links != null) {
            links.close();
            links = null;
        }
    }
}
