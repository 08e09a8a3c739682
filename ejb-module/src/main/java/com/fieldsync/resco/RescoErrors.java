package com.fieldsync.resco;

import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.Replies;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** Classifies Resco's answers: whose fault, worth retrying, and the message to show. */
final class RescoErrors {

    private static final int MAX_MESSAGE = 500;

    private RescoErrors() {}

    static Outcome outcome(Response response) {
        return Replies.outcome(
                response,
                message(response),
                "Resco refused the configured credentials; check " + RescoSettings.USERNAME + " and "
                        + RescoSettings.PASSWORD);
    }

    /**
     * The OData error's message ({@code {"error":{"code":…,"message":…}}}), else the body text,
     * bounded; never throws.
     */
    static String message(Response response) {
        String text;
        try {
            text = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (ProcessingException | IllegalStateException e) {
            return "(unreadable body: " + Replies.describe(e) + ")";
        }
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject o && o.get("error") instanceof JsonObject error) {
                String code = error.get("code") instanceof JsonString c ? c.getString() : null;
                if (error.get("message") instanceof JsonString m
                        && !m.getString().isBlank()) {
                    return Replies.bounded(
                            (code == null || code.isBlank() ? "" : code + ": ") + m.getString(), MAX_MESSAGE);
                }
            }
        } catch (JsonException | IllegalStateException e) {
            // not JSON: the text itself is the best message there is
        }
        return Replies.bounded(text, MAX_MESSAGE);
    }
}
