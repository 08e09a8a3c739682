package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.enc;
import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $hook registration and deletion, notifications on changes, and their loss when paused or failing. */
class WebhookTest extends SimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Receiver receiver;

    @BeforeEach
    void listen() throws IOException {
        receiver = new Receiver();
    }

    @AfterEach
    void stopListening() {
        receiver.close();
    }

    @Test
    void registeringAnswers201WithALocationWhoseDeleteRemovesTheHook() {
        TestClient.Reply created = register("account", "Create", receiver.url());

        assertEquals(201, created.status(), created.body());
        String location = created.header("Location");
        assertTrue(location.startsWith(sim.baseUrl() + "$hook("), location);
        List<Hook> hooks = sim.hooks();
        assertEquals(1, hooks.size());
        assertEquals(new Hook(hooks.get(0).id(), "account", "Create", receiver.url()), hooks.get(0));
        assertTrue(location.contains(hooks.get(0).id()), location);

        assertEquals(204, client.delete(location).status());
        assertEquals(0, sim.hooks().size());
        assertEquals(404, client.delete(location).status());
    }

    @Test
    void createsAndUpdatesThroughTheApiOrByAMobileUserPostTheRecordIdAsJson() throws Exception {
        register("account", "Create", receiver.url());
        register("account", "Update", receiver.url());

        String id = client.post("account", obj("name", "Acme")).json().getString("id");
        Received create = receiver.next();
        client.patch("account(" + id + ")", obj("telephone1", "1"));
        Received update = receiver.next();
        sim.update("account", id, obj("telephone1", "2"));
        Received mobileEdit = receiver.next();

        for (Received received : List.of(create, update, mobileEdit)) {
            assertEquals("POST", received.method());
            assertTrue(received.contentType().startsWith("application/json"), received.contentType());
            assertEquals(Json.createObjectBuilder().add("id", id).build(), received.json());
        }
        assertTrue(sim.awaitWebhooks(WAIT));
        List<WebhookDelivery> deliveries = sim.webhookDeliveries();
        assertEquals(3, deliveries.size());
        assertTrue(deliveries.stream().allMatch(WebhookDelivery::delivered), deliveries.toString());
        assertEquals(
                Set.of("Create", "Update"),
                deliveries.stream().map(WebhookDelivery::action).collect(Collectors.toSet()));
    }

    @Test
    void onlyHooksForTheChangedEntityAndActionAreNotified() throws Exception {
        register("contact", "Create", receiver.url());
        register("account", "Delete", receiver.url());
        String id = account("Acme");
        sim.update("account", id, obj("name", "Acme 2"));

        assertTrue(sim.awaitWebhooks(WAIT));
        assertEquals(0, sim.webhookDeliveries().size());

        client.delete("account(" + id + ")");
        assertEquals(id, receiver.next().json().getString("id"));
    }

    @Test
    void aDeletedHookIsNotCalledAnyMore() throws Exception {
        String location = register("account", "Create", receiver.url()).header("Location");
        account("Before");
        assertNotNull(receiver.next());

        client.delete(location);
        account("After");

        assertTrue(sim.awaitWebhooks(WAIT));
        assertEquals(1, sim.webhookDeliveries().size());
        assertNull(receiver.received.poll());
    }

    @Test
    void whilePausedChangesAreMissedAndNeverSentLater() throws Exception {
        register("account", "Create", receiver.url());
        sim.pauseWebhooks();
        String missed = account("Missed");
        sim.resumeWebhooks();
        String seen = account("Seen");

        assertEquals(seen, receiver.next().json().getString("id"));
        assertTrue(sim.awaitWebhooks(WAIT));
        assertNull(receiver.received.poll());
        WebhookDelivery lost = sim.webhookDeliveries().get(0);
        assertEquals(missed, lost.recordId());
        assertEquals(0, lost.status());
        assertTrue(lost.error().contains("paused"), lost.error());
    }

    @Test
    void aFailedDeliveryIsLoggedOnceAndNotRetried() throws Exception {
        receiver.status = 500;
        register("account", "Create", receiver.url());
        String unreachable = "http://127.0.0.1:" + freePort() + "/gone";
        register("account", "Create", unreachable);

        String id = account("Acme");

        assertNotNull(receiver.next());
        assertTrue(sim.awaitWebhooks(WAIT));
        List<WebhookDelivery> deliveries = sim.webhookDeliveries();
        assertEquals(2, deliveries.size(), deliveries.toString());
        WebhookDelivery refused = deliveries.stream()
                .filter(d -> d.url().equals(receiver.url()))
                .findFirst()
                .orElseThrow();
        assertEquals(500, refused.status());
        WebhookDelivery down = deliveries.stream()
                .filter(d -> d.url().equals(unreachable))
                .findFirst()
                .orElseThrow();
        assertEquals(0, down.status());
        assertEquals(id, down.recordId());
        assertNotNull(down.error());
        assertNull(receiver.received.poll());
    }

    @Test
    void registrationRefusesUnknownEntitiesActionsAndCallbacks() {
        assertEquals(400, register("invoice", "Create", receiver.url()).status());
        assertEquals(400, register("account", "Upsert", receiver.url()).status());
        assertEquals(400, register("account", "Create", "not a url").status());
        assertEquals(
                400, client.post("$hook?$entity=account&$action=Create", "{}").status());
        assertEquals(201, register("account", "update", receiver.url()).status());
        assertEquals("Update", sim.hooks().get(0).action());
    }

    private static TestClient.Reply register(String entity, String action, String callback) {
        return client.post(
                "$hook?$entity=" + enc(entity) + "&$action=" + enc(action),
                Json.createObjectBuilder().add("CallbackUrl", callback).build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record Received(String method, String contentType, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    /** The client's webhook endpoint: a tiny JDK server that queues what it receives. */
    static final class Receiver implements AutoCloseable {
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final HttpServer server;
        volatile int status = 200;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    received.add(new Received(
                            exchange.getRequestMethod(),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            body));
                    exchange.sendResponseHeaders(status, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** The next notification, waiting up to a deadline. */
        Received next() throws InterruptedException {
            Received next = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no notification within " + WAIT);
            }
            return next;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
