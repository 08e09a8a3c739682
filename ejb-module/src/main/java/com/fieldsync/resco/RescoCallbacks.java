package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import com.fieldsync.inbound.FeedRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes Resco's webhook callbacks: checks the secret in the URL against the registered hooks (in
 * constant time), records the record id durably and returns; the inbound runner then reads the
 * record and applies it, once however many callbacks name it.
 */
@ApplicationScoped
public class RescoCallbacks {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{1,100}");

    @Inject
    RescoHookStore hooks;

    @Inject
    FeedRunner runner;

    @Inject
    Settings settings;

    /** What became of a callback: the HTTP status to answer and why. */
    public record Answer(int status, String message) {}

    public Answer accept(String entitySet, String secret, String body) {
        String hash = RescoRecords.sha256(secret == null ? "" : secret);
        boolean known = hooks.forEntitySet(entitySet).stream()
                .anyMatch(h -> MessageDigest.isEqual(
                        h.getSecretHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)));
        if (!known) {
            return new Answer(401, "unknown webhook");
        }
        Optional<RescoMapping.EntityMap> mapped = RescoMapping.from(settings).ofSet(entitySet);
        if (mapped.isEmpty() || !settings.bool(RescoSettings.ENABLED, false)) {
            return new Answer(404, "entity set " + entitySet + " is not synchronised");
        }
        String id;
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject o = reader.readObject();
            id = o.get("id") instanceof JsonString s ? s.getString() : null;
        } catch (JsonException | IllegalStateException e) {
            return new Answer(400, "the body must be {\"id\": \"<record id>\"}");
        }
        if (id == null || !ID.matcher(id).matches()) {
            return new Answer(400, "the body must be {\"id\": \"<record id>\"}");
        }
        runner.nudge(RescoFeed.name(mapped.get().type()), id);
        return new Answer(202, "recorded");
    }
}
