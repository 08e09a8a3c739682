package com.fieldsync.odyssee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.config.MapConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdysseeSettingsTest {

    private static Map<String, String> complete() {
        Map<String, String> m = new HashMap<>();
        m.put("fieldsync.odyssee.url", "http://127.0.0.1:8099");
        m.put("fieldsync.odyssee.username", "api");
        m.put("fieldsync.odyssee.password", "s3cret");
        m.put("fieldsync.odyssee.domain", "acme");
        return m;
    }

    private static String decoded(OdysseeSettings s) {
        return new String(
                Base64.getDecoder().decode(s.authorization().substring("Basic ".length())), StandardCharsets.UTF_8);
    }

    @Test
    void missingUrlIsANamedProblem() {
        Map<String, String> m = complete();
        m.remove("fieldsync.odyssee.url");
        String problem = OdysseeSettings.from(MapConfig.settings(m)).problem().orElseThrow();
        assertTrue(problem.startsWith("fieldsync.odyssee.url is not set"), problem);
    }

    @Test
    void malformedUrlAndUrlWithCredentialsAreRefused() {
        Map<String, String> m = complete();
        m.put("fieldsync.odyssee.url", "ftp://host/");
        assertTrue(OdysseeSettings.from(MapConfig.settings(m))
                .problem()
                .orElseThrow()
                .contains("http(s)"));
        m.put("fieldsync.odyssee.url", "http://u:pw@host/");
        String problem = OdysseeSettings.from(MapConfig.settings(m)).problem().orElseThrow();
        assertTrue(problem.contains("must not carry credentials"), problem);
        assertFalse(problem.contains("pw"), "the problem text must not echo a secret: " + problem);
    }

    @Test
    void missingPasswordIsNamedButNeverShown() {
        Map<String, String> m = complete();
        m.remove("fieldsync.odyssee.password");
        assertTrue(OdysseeSettings.from(MapConfig.settings(m))
                .problem()
                .orElseThrow()
                .contains("fieldsync.odyssee.password is not set"));
        OdysseeSettings ok = OdysseeSettings.from(MapConfig.settings(complete()));
        assertFalse(ok.toString().contains("s3cret"), ok.toString());
    }

    @Test
    void urlGetsATrailingSlashSoApiPathsResolveBelowIt() {
        assertEquals(
                "http://127.0.0.1:8099/",
                OdysseeSettings.from(MapConfig.settings(complete())).url());
    }

    @Test
    void credentialsFollowTheDocumentedFormatByDefaultAndAreConfigurable() {
        assertEquals("api:s3cret@acme", decoded(OdysseeSettings.from(MapConfig.settings(complete()))));
        Map<String, String> m = complete();
        m.put("fieldsync.odyssee.credentials-format", "{username}@{domain}:{password}");
        assertEquals("api@acme:s3cret", decoded(OdysseeSettings.from(MapConfig.settings(m))));
        m.remove("fieldsync.odyssee.domain");
        m.remove("fieldsync.odyssee.credentials-format");
        assertEquals("api:s3cret", decoded(OdysseeSettings.from(MapConfig.settings(m))));
    }

    @Test
    void badTimeoutIsReportedWithItsKey() {
        Map<String, String> m = complete();
        m.put("fieldsync.odyssee.read-timeout-ms", "soon");
        OdysseeSettings s = OdysseeSettings.from(MapConfig.settings(m));
        assertTrue(s.problem().orElseThrow().contains("fieldsync.odyssee.read-timeout-ms"));
        assertEquals(30_000, s.readTimeoutMillis());
    }
}
