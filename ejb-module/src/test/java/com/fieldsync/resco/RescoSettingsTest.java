package com.fieldsync.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.config.MapConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RescoSettingsTest {

    private static final String PASSWORD = "Pa55-w0rd!xyz";

    private static Map<String, String> complete() {
        Map<String, String> m = new HashMap<>();
        m.put("fieldsync.resco.url", "https://acme.rescocrm.com/odata/v4");
        m.put("fieldsync.resco.username", "sync@acme");
        m.put("fieldsync.resco.password", PASSWORD);
        return m;
    }

    private static RescoSettings settings(Map<String, String> values) {
        return RescoSettings.from(MapConfig.settings(values));
    }

    @Test
    void disabledByDefaultAndCompleteSettingsHaveNoProblem() {
        RescoSettings s = settings(complete());
        assertFalse(s.enabled());
        assertEquals(List.of(), s.problems());
        assertTrue(s.problem().isEmpty());
        assertEquals("https://acme.rescocrm.com/odata/v4/", s.url(), "the base gets its trailing slash");
        assertNull(s.callbackUrl(), "no callback URL: polling only");
        assertEquals(List.of("Create", "Update"), s.hookActions());
        assertTrue(s.inboundEnabled());
        assertEquals(4, s.mapping().entities().size());

        Map<String, String> on = complete();
        on.put("fieldsync.resco.enabled", "TRUE");
        assertTrue(settings(on).enabled());
    }

    @Test
    void emptyConfigurationNamesUrlUsernameAndPassword() {
        RescoSettings s = settings(Map.of());
        assertFalse(s.enabled());
        String problem = s.problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.url is not set"), problem);
        assertTrue(problem.contains("fieldsync.resco.username is not set"), problem);
        assertTrue(problem.contains("fieldsync.resco.password is not set"), problem);
    }

    @Test
    void theExampleUrlInTheProblemIsItselfAccepted() {
        Map<String, String> m = complete();
        m.remove("fieldsync.resco.url");
        String problem = settings(m).problem().orElseThrow();
        Matcher example = Pattern.compile("e\\.g\\. (\\S+?)\\)").matcher(problem);
        assertTrue(example.find(), problem);
        m.put("fieldsync.resco.url", example.group(1));
        assertEquals(List.of(), settings(m).problems(), "the example " + example.group(1));
    }

    @Test
    void eachMissingCredentialIsNamedAlone() {
        for (String key : List.of("fieldsync.resco.url", "fieldsync.resco.username", "fieldsync.resco.password")) {
            Map<String, String> m = complete();
            m.put(key, "  ");
            List<String> problems = settings(m).problems();
            assertEquals(1, problems.size(), key + ": " + problems);
            assertTrue(problems.get(0).startsWith(key + " is not set"), problems.get(0));
        }
    }

    @Test
    void badUrlsAreRefused() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.url", "ftp://host/odata/");
        assertTrue(settings(m).problem().orElseThrow().contains("fieldsync.resco.url must be an absolute http(s) URL"));
        m.put("fieldsync.resco.url", "https://u:secretpw@host/odata/");
        String problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.url must not carry credentials"), problem);
        assertFalse(problem.contains("secretpw"), problem);
    }

    @Test
    void badCallbackUrlIsNamed() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.webhook.callback-url", "not a url");
        String problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.webhook.callback-url"), problem);

        m.put("fieldsync.resco.webhook.callback-url", "mailto:ops@acme.example");
        problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.webhook.callback-url must be an absolute http(s) URL"), problem);

        m.put("fieldsync.resco.webhook.callback-url", "https://fieldsync.acme.example/web?x=1");
        problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.webhook.callback-url must not have a query"), problem);
    }

    @Test
    void goodCallbackUrlGetsItsSlash() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.webhook.callback-url", "https://fieldsync.acme.example/web");
        RescoSettings s = settings(m);
        assertEquals(List.of(), s.problems());
        assertEquals("https://fieldsync.acme.example/web/", s.callbackUrl());
    }

    @Test
    void unknownWebhookActionIsNamedAndKnownOnesAreCanonical() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.webhook.actions", "create, Upsert");
        String problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.webhook.actions lists 'Upsert'"), problem);

        m.put("fieldsync.resco.webhook.actions", "delete, CREATE, Create");
        RescoSettings s = settings(m);
        assertEquals(List.of(), s.problems());
        assertEquals(List.of("Delete", "Create"), s.hookActions());
    }

    @Test
    void mappingProblemsBecomeSettingsProblems() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.types", "CUSTOMER, GADGET");
        String problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.types lists 'GADGET'"), problem);
    }

    @Test
    void badStartFromAndTimeoutsAreNamed() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.inbound.start-from", "yesterday");
        m.put("fieldsync.resco.read-timeout-ms", "5");
        String problem = settings(m).problem().orElseThrow();
        assertTrue(problem.contains("fieldsync.resco.inbound.start-from must be an ISO-8601"), problem);
        assertTrue(problem.contains("fieldsync.resco.read-timeout-ms must be between"), problem);
    }

    @Test
    void toStringNeverShowsThePassword() {
        Map<String, String> m = complete();
        m.put("fieldsync.resco.webhook.callback-url", "https://fieldsync.acme.example/web/");
        RescoSettings s = settings(m);
        String text = s.toString();
        assertFalse(text.contains(PASSWORD), text);
        assertTrue(text.contains("password=****"), text);
        assertTrue(text.contains("sync@acme"), text);
        assertFalse(s.clientKey().toString().contains(PASSWORD));
        assertEquals(PASSWORD, s.password(), "the password is still there to use");

        Map<String, String> none = complete();
        none.remove("fieldsync.resco.password");
        assertTrue(settings(none).toString().contains("password=unset"));
    }

    @Test
    void authorizationIsBasicOfUsernameAndPassword() {
        String header = settings(complete()).authorization();
        assertTrue(header.startsWith("Basic "), header);
        assertEquals(
                "sync@acme:" + PASSWORD,
                new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8));
    }
}
