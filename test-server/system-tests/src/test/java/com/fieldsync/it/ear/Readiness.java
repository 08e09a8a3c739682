package com.fieldsync.it.ear;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * One answer of the MicroProfile Health readiness endpoint, reduced to what these tests look at:
 * the overall status and FieldSync's {@code fieldsync-connectors} check.
 *
 * @param httpStatus the HTTP status (200 UP, 503 DOWN)
 * @param body the body as received
 * @param overall the top-level {@code status}, or null if the body is not health JSON
 * @param connectors the {@code fieldsync-connectors} check, or null if the answer has none (the
 *     application is not deployed, or not started yet)
 */
record Readiness(int httpStatus, String body, String overall, JsonObject connectors) {

    static final String CHECK = "fieldsync-connectors";

    static Readiness parse(int httpStatus, String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return new Readiness(httpStatus, body, null, null);
        }
        JsonObject check = null;
        JsonValue checks = json.get("checks");
        if (checks != null && checks.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue c : checks.asJsonArray()) {
                if (c.getValueType() == JsonValue.ValueType.OBJECT
                        && CHECK.equals(c.asJsonObject().getString("name", null))) {
                    check = c.asJsonObject();
                }
            }
        }
        return new Readiness(httpStatus, body, json.getString("status", null), check);
    }

    /** True if the answer carries FieldSync's check. */
    boolean hasFieldSyncCheck() {
        return connectors != null;
    }

    /** The check's status ({@code UP}/{@code DOWN}), or null without the check. */
    String checkStatus() {
        return connectors == null ? null : connectors.getString("status", null);
    }

    /** The check's data entry for a platform, e.g. {@code odyssee} → {@code ready}. */
    Optional<String> platform(String platform) {
        if (connectors == null || !(connectors.get("data") instanceof JsonObject data)) {
            return Optional.empty();
        }
        JsonValue value = data.get(platform);
        return value instanceof JsonString s
                ? Optional.of(s.getString())
                : Optional.ofNullable(value).map(Object::toString);
    }

    @Override
    public String toString() {
        return "HTTP " + httpStatus + " " + body.strip();
    }
}
