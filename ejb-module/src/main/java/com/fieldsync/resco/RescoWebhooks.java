package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import com.fieldsync.connector.Replies;
import com.fieldsync.inbound.FeedRunner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Resco's webhooks in step with the mapping, and Resco's model checked. Shortly after start,
 * then every {@code fieldsync.resco.discovery-interval-seconds} (every 10 s while Resco cannot be
 * reached): run discovery; for each mapped entity set and configured action make sure one hook is
 * registered, with a callback URL carrying a fresh secret. At start every hook recorded earlier is
 * stale (its secret may have leaked with an old instance; the instance may be gone): it is deleted on
 * Resco and replaced. On undeploy, the hooks this instance registered are deleted. Missed callbacks
 * in between are caught by polling.
 */
@Singleton
@Startup
public class RescoWebhooks {

    static final String CALLBACK_PATH = "api/webhooks/resco/";
    private static final Logger LOG = Logger.getLogger(RescoWebhooks.class.getName());
    private static final long RETRY_MILLIS = 10_000;

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    @Inject
    RescoClients clients;

    @Inject
    RescoDiscovery discovery;

    @Inject
    RescoHookStore store;

    @Inject
    FeedRunner runner;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();
    /** Hook key to Location, of the hooks this instance registered and has not deleted. */
    private final Map<String, String> mine = new HashMap<>();

    private boolean replacedStale;
    private volatile boolean stopped;
    private volatile RescoSettings lastSettings;

    @PostConstruct
    void start() {
        timers.createSingleActionTimer(1_000, new TimerConfig("fieldsync-resco-maintenance", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void maintain() {
        long next = RETRY_MILLIS;
        try {
            next = maintainNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FieldSync: Resco webhook upkeep failed, trying again in 10 s", e);
        } finally {
            if (!stopped) {
                timers.createSingleActionTimer(next, new TimerConfig("fieldsync-resco-maintenance", false));
            }
        }
    }

    /** One round; returns when to run the next. */
    long maintainNow() {
        RescoSettings s = RescoSettings.from(settings);
        lastSettings = s;
        if (!s.enabled() || s.problem().isPresent()) {
            deleteMine(s);
            return s.discoverySeconds() * 1000L;
        }
        RescoDiscovery.Result r = discovery.discover(s);
        if (r.unreachable() != null) {
            return RETRY_MILLIS;
        }
        return ensureHooks(s) ? s.discoverySeconds() * 1000L : RETRY_MILLIS;
    }

    /** Registers what is missing, replaces what is stale; true when every wanted hook is in place. */
    private boolean ensureHooks(RescoSettings s) {
        Set<String> wanted = new HashSet<>();
        if (s.callbackUrl() != null) {
            for (RescoMapping.EntityMap m : s.mapping().entities().values()) {
                for (String action : s.hookActions()) {
                    wanted.add(RescoHook.key(m.entitySet(), action));
                }
            }
        }
        boolean complete = true;
        for (RescoHook h : store.all()) {
            boolean stale = !replacedStale && !mine.containsKey(h.getHookKey());
            if (stale
                    || !wanted.contains(h.getHookKey())
                    || !h.getCallbackBase().equals(s.callbackUrl())) {
                complete &= delete(s, h.getHookKey(), h.getLocation());
            }
        }
        for (RescoMapping.EntityMap m : s.mapping().entities().values()) {
            for (String action : s.hookActions()) {
                if (s.callbackUrl() != null && store.find(m.entitySet(), action).isEmpty()) {
                    complete &= register(s, m.entitySet(), action);
                }
            }
        }
        replacedStale |= complete;
        return complete;
    }

    private boolean register(RescoSettings s, String entitySet, String action) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        String callback = s.callbackUrl() + CALLBACK_PATH + entitySet + "/" + token;
        String body =
                Json.createObjectBuilder().add("CallbackUrl", callback).build().toString();
        try (Response r = clients.api(s).registerHook(entitySet, action, body)) {
            String location = r.getHeaderString("Location");
            if (!Replies.isSuccess(r.getStatus()) || location == null || location.isBlank()) {
                LOG.warning(() -> "FieldSync: Resco did not register the " + action + " webhook of " + entitySet
                        + " (HTTP " + r.getStatus() + (location == null ? ", no Location" : "") + "): "
                        + RescoErrors.message(r) + "; polling covers it meanwhile, trying again in 10 s");
                return false;
            }
            store.save(new RescoHook(
                    entitySet,
                    action,
                    location,
                    RescoRecords.sha256(token),
                    s.callbackUrl(),
                    runner.owner(),
                    clock.millis()));
            synchronized (mine) {
                mine.put(RescoHook.key(entitySet, action), location);
            }
            LOG.info(() ->
                    "FieldSync: registered Resco's " + action + " webhook of " + entitySet + " (" + location + ")");
            return true;
        } catch (ProcessingException e) {
            LOG.warning(() -> "FieldSync: could not reach Resco to register the " + action + " webhook of " + entitySet
                    + ": " + Replies.describe(e));
            return false;
        }
    }

    /** Deletes a hook on Resco (gone already counts as deleted) and forgets it. */
    private boolean delete(RescoSettings s, String hookKey, String location) {
        boolean deleted = false;
        try {
            URI uri = URI.create(s.url()).resolve(location);
            if (!Replies.sameOrigin(uri, URI.create(s.url()))) {
                LOG.warning(() -> "FieldSync: not deleting Resco webhook " + hookKey + " at " + location
                        + ": another origin than " + RescoSettings.URL + "; forgetting it");
                deleted = true;
            } else {
                try (Response r = clients.links(s).target(uri).request().delete()) {
                    deleted = Replies.isSuccess(r.getStatus()) || r.getStatus() == 404;
                    if (!deleted) {
                        LOG.warning(() -> "FieldSync: Resco did not delete webhook " + hookKey + " (HTTP "
                                + r.getStatus() + "): " + RescoErrors.message(r));
                    }
                }
            }
        } catch (RuntimeException e) { // ProcessingException, or a client already closed on shutdown
            LOG.warning(() -> "FieldSync: could not delete Resco webhook " + hookKey + ": " + Replies.describe(e));
        }
        if (deleted) {
            forgetQuietly(hookKey, location);
        }
        return deleted;
    }

    private void deleteMine(RescoSettings s) {
        for (Map.Entry<String, String> hook : registered()) {
            if (s.url() == null) {
                store.forget(hook.getKey(), hook.getValue());
                continue;
            }
            delete(s, hook.getKey(), hook.getValue());
        }
    }

    private List<Map.Entry<String, String>> registered() {
        synchronized (mine) {
            return List.copyOf(mine.entrySet());
        }
    }

    /**
     * Undeploy: the hooks this instance registered go, so Resco stops calling an address that is
     * gone. All at once, within 5 s, with the JDK's own HTTP client and the settings of the last
     * round: while the server shuts down, the application's other beans and the JAX-RS runtime's
     * services may already be gone (a Jersey client built at this point stalled).
     */
    @PreDestroy
    void stop() {
        stopped = true;
        RescoSettings s = lastSettings;
        List<Map.Entry<String, String>> hooks = registered();
        if (s == null || s.url() == null || hooks.isEmpty()) {
            return;
        }
        URI base = URI.create(s.url());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        List<CompletableFuture<?>> deletions = new ArrayList<>();
        for (Map.Entry<String, String> hook : hooks) {
            URI uri;
            try {
                uri = base.resolve(hook.getValue());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!Replies.sameOrigin(uri, base)) {
                continue;
            }
            HttpRequest delete = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(4))
                    .header("Authorization", s.authorization())
                    .DELETE()
                    .build();
            deletions.add(http.sendAsync(delete, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> {
                        if (Replies.isSuccess(r.statusCode()) || r.statusCode() == 404) {
                            forgetQuietly(hook.getKey(), hook.getValue());
                        } else {
                            LOG.warning(() -> "FieldSync: Resco did not delete webhook " + hook.getKey() + " on"
                                    + " shutdown (HTTP " + r.statusCode() + "); the next start replaces it");
                        }
                    }));
        }
        try {
            CompletableFuture.allOf(deletions.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            LOG.info(() -> "FieldSync: deleted the " + deletions.size() + " Resco webhooks of this instance");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning(() -> "FieldSync: not every Resco webhook was deleted on shutdown (" + Replies.describe(e)
                    + "); the next start replaces the rest");
        }
    }

    private void forgetQuietly(String hookKey, String location) {
        synchronized (mine) {
            mine.remove(hookKey);
        }
        try {
            store.forget(hookKey, location);
        } catch (RuntimeException e) {
            // the database may be gone already; the next start replaces the row
            LOG.log(Level.FINE, "forgetting Resco webhook " + hookKey, e);
        }
    }
}
