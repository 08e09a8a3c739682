package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Guids;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registered webhooks and their deliveries. A change is queued to a small pool as it happens (under the store's
 * lock, so in change order) and POSTed from there with short timeouts; with several threads, callbacks for
 * different changes may arrive out of order, as from any real sender. Every attempt goes to the delivery log and
 * none is retried: a Resco webhook can be missed, and a client must poll to catch up. While {@link #pause paused},
 * changes are logged as missed and nothing is sent, which plays the client's endpoint having been unreachable.
 * Thread-safe.
 */
final class Webhooks implements Store.Listener {
    static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final List<String> ACTIONS = List.of(Store.CREATE, Store.UPDATE, Store.DELETE);

    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final ExecutorService senders;
    private boolean paused;
    private int pending;
    /** Bumped by {@link #clear()}, so that a delivery in flight then does not log into the next test. */
    private long generation;

    Webhooks() {
        AtomicInteger count = new AtomicInteger();
        senders = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "resco-sim-webhook-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** 400 for an unknown action or a callback that is not an absolute http(s) URL; the entity is checked before. */
    synchronized Hook register(String entity, String action, String callbackUrl) {
        String canonical = ACTIONS.stream()
                .filter(a -> a.equalsIgnoreCase(action))
                .findFirst()
                .orElseThrow(() ->
                        ODataException.badRequest("$action must be one of Create, Update, Delete; got " + action));
        checkCallback(callbackUrl);
        Hook hook = new Hook(Guids.random(), entity, canonical, callbackUrl);
        hooks.put(hook.id(), hook);
        return hook;
    }

    synchronized boolean unregister(String id) {
        return id != null && hooks.remove(Guids.normalize(id)) != null;
    }

    synchronized List<Hook> hooks() {
        return List.copyOf(hooks.values());
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void pause(boolean pause) {
        paused = pause;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    @Override
    public synchronized void changed(String entity, String action, String id) {
        for (Hook hook : hooks.values()) {
            if (!hook.entity().equals(entity) || !hook.action().equals(action)) {
                continue;
            }
            if (paused) {
                deliveries.add(outcome(hook, id, 0, "missed: webhooks were paused"));
                continue;
            }
            long sentIn = generation;
            pending++;
            try {
                senders.execute(() -> deliver(hook, id, sentIn));
            } catch (RejectedExecutionException closed) {
                pending--;
                deliveries.add(outcome(hook, id, 0, "missed: the simulator is closing"));
            }
        }
    }

    /** Waits until no delivery is queued or in flight; false when {@code timeout} passed first. */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Forgets hooks and the delivery log; deliveries in flight finish unlogged. Pausing stays as it is. */
    synchronized void clear() {
        hooks.clear();
        deliveries.clear();
        generation++;
    }

    void close() {
        senders.shutdownNow();
    }

    private void deliver(Hook hook, String recordId, long sentIn) {
        WebhookDelivery outcome;
        try {
            outcome = outcome(hook, recordId, post(hook.callbackUrl(), recordId), null);
        } catch (IOException | RuntimeException e) {
            outcome = outcome(hook, recordId, 0, e.toString());
        }
        synchronized (this) {
            if (sentIn == generation) {
                deliveries.add(outcome);
            }
            pending--;
            notifyAll();
        }
    }

    private static int post(String url, String recordId) throws IOException {
        byte[] body = Json.createObjectBuilder()
                .add("id", recordId)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        // no proxy: callbacks go where the client said, usually a host next to the simulator
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }

    private static WebhookDelivery outcome(Hook hook, String recordId, int status, String error) {
        return new WebhookDelivery(
                hook.id(), hook.entity(), hook.action(), hook.callbackUrl(), recordId, status, error);
    }

    private static void checkCallback(String callbackUrl) {
        try {
            URI uri = URI.create(callbackUrl == null ? "" : callbackUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ODataException.badRequest("CallbackUrl must be an absolute http or https URL, got " + callbackUrl);
    }
}
