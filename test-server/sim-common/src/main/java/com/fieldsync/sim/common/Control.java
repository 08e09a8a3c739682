package com.fieldsync.sim.common;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the simulators' {@code /_sim/…} control surfaces share: no auth, no call log, no faults; a refused request
 * is a 400.
 */
public final class Control {
    private Control() {}

    /** Routes a control request. */
    @FunctionalInterface
    public interface Router<R extends Reply> {
        /** The answer to {@code method} on {@code path} with this body text. */
        R route(String method, String path, String body);
    }

    /**
     * Reads the body, routes it and sends the answer, then closes the exchange. What the router refuses by throwing
     * (bad argument or state, bad JSON, a missing or mistyped field) is answered by {@code badRequest} with the
     * exception's message.
     */
    public static <R extends Reply> void serve(
            HttpExchange exchange, Router<R> router, Function<String, ? extends R> badRequest) throws IOException {
        try {
            String body = Exchanges.body(exchange);
            Reply response;
            try {
                response = router.route(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            } catch (IllegalArgumentException
                    | IllegalStateException
                    | JsonException
                    | ClassCastException
                    | NullPointerException e) {
                response = badRequest.apply(String.valueOf(e.getMessage()));
            }
            response.send(exchange);
        } finally {
            exchange.close();
        }
    }

    /**
     * Queues the fault {@code {"method":…,"<targetField>":…,"fault":…,"value":N,"times":N | "always":true}}; the
     * method and target are optional (any), {@code times} defaults to 1.
     */
    public static void addFault(Faults faults, JsonObject spec, String targetField) {
        Fault fault = Fault.parse(
                spec.getString("fault", null),
                spec.containsKey("value") ? spec.getJsonNumber("value").longValue() : 0);
        String method = spec.getString("method", null);
        String target = spec.getString(targetField, null);
        if (spec.getBoolean("always", false)) {
            faults.always(method, target, fault);
        } else {
            faults.times(spec.getInt("times", 1), method, target, fault);
        }
    }

    /**
     * Moves the clock as {@code {"system":true}} (back to system time), {@code {"set":"<datetime>"}} (stop it there)
     * and/or {@code {"advanceMillis":N}}, applied in that order.
     */
    public static void moveClock(SimClock clock, JsonObject spec) {
        if (spec.getBoolean("system", false)) {
            clock.useSystemTime();
        }
        if (spec.containsKey("set")) {
            String text = spec.getString("set");
            clock.set(
                    Timestamps.parse(text).orElseThrow(() -> new IllegalArgumentException("not a datetime: " + text)));
        }
        JsonNumber advance = spec.getJsonNumber("advanceMillis");
        if (advance != null) {
            clock.advance(Duration.ofMillis(advance.longValue()));
        }
    }
}
