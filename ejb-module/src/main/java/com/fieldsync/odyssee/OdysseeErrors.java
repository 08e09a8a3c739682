package com.fieldsync.odyssee;

import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.Replies;
import com.fieldsync.odyssee.api.ErrorBody;
import com.fieldsync.odyssee.api.IdOnly;
import com.fieldsync.odyssee.api.IdPage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Classifies Odyssee's answers: whose fault, worth retrying, and the message to show. */
final class OdysseeErrors {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final int MAX_MESSAGE = 500;

    private OdysseeErrors() {}

    static Outcome outcome(Response response) {
        return Replies.outcome(
                response,
                message(response),
                "Odyssee refused the configured credentials; check " + OdysseeSettings.USERNAME + ", "
                        + OdysseeSettings.PASSWORD + " and " + OdysseeSettings.DOMAIN);
    }

    /** The remote's {@code message}, else its body text, bounded; never throws. */
    private static String message(Response response) {
        String text;
        try {
            text = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (ProcessingException | IllegalStateException e) {
            return "(unreadable body: " + Replies.describe(e) + ")";
        }
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        try {
            ErrorBody body = JSONB.fromJson(text, ErrorBody.class);
            if (body != null && body.message != null && !body.message.isBlank()) {
                return bounded(body.message);
            }
        } catch (JsonbException e) {
            // Not JSON: the text itself is the best message there is.
        }
        return bounded(text);
    }

    static Optional<String> returnedId(Response response) {
        try {
            if (!response.hasEntity()) {
                return Optional.empty();
            }
            IdOnly id = JSONB.fromJson(response.readEntity(String.class), IdOnly.class);
            return Optional.ofNullable(id).map(i -> i.id).filter(i -> !i.isBlank());
        } catch (JsonbException | ProcessingException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The id of the only row of a list answer; empty if there is none, several, or no readable body. */
    static Optional<String> singleId(Response response) {
        try {
            IdPage page = JSONB.fromJson(response.readEntity(String.class), IdPage.class);
            if (page == null || page.value == null || page.value.size() != 1) {
                return Optional.empty();
            }
            return Optional.ofNullable(page.value.get(0).id).filter(i -> !i.isBlank());
        } catch (JsonbException | ProcessingException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String bounded(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
