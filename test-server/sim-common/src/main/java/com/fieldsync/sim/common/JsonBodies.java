package com.fieldsync.sim.common;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.function.Function;

/** Reading request bodies as JSON objects. */
public final class JsonBodies {
    private JsonBodies() {}

    /**
     * The API's strict reading: the body must be a JSON object; otherwise the exception {@code refusal} makes of the
     * message (a 400 in the simulator's error format) is thrown.
     */
    public static JsonObject object(String body, Function<String, ? extends RuntimeException> refusal) {
        if (body.isBlank()) {
            throw refusal.apply("the request body must be a JSON object");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refusal.apply("the request body must be a JSON object, got " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw refusal.apply("malformed JSON: " + e.getMessage());
        }
    }

    /** The control surface's lenient reading: a blank body is {@code {}}; anything else must be an object. */
    public static JsonObject objectOrEmpty(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body.isBlank() ? "{}" : body))) {
            return reader.readObject();
        }
    }
}
