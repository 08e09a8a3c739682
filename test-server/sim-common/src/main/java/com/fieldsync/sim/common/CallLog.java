package com.fieldsync.sim.common;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The calls an API received, in arrival order. Thread-safe. */
public final class CallLog implements Consumer<Call> {
    private final List<Call> calls = new ArrayList<>();

    /** Logs one call. */
    @Override
    public synchronized void accept(Call call) {
        calls.add(call);
    }

    /** Every call, in arrival order (a snapshot). */
    public synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    /** The calls with this method and target (both case-insensitive; null matches any), in arrival order. */
    public List<Call> matching(String method, String target) {
        return all().stream()
                .filter(call -> method == null || method.equalsIgnoreCase(call.method()))
                .filter(call -> target == null || target.equalsIgnoreCase(call.target()))
                .toList();
    }

    /** Forgets every call. */
    public synchronized void clear() {
        calls.clear();
    }

    /**
     * The calls as the control surface lists them: a JSON array of {@code method}, {@code path}, {@code query}, the
     * target under the name {@code targetField} (left out when null), {@code status}, {@code requestBody} and
     * {@code atNanos}.
     */
    public static JsonArray toJson(List<Call> calls, String targetField) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Call call : calls) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("method", call.method())
                    .add("path", call.path())
                    .add("query", nullable(call.query()));
            if (targetField != null) {
                json.add(targetField, nullable(call.target()));
            }
            array.add(json.add("status", call.status())
                    .add("requestBody", call.requestBody())
                    .add("atNanos", call.atNanos()));
        }
        return array.build();
    }

    private static JsonValue nullable(String s) {
        return s == null ? JsonValue.NULL : Json.createValue(s);
    }
}
