package com.fieldsync.odyssee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.config.MapConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportSettingsAndDatesTest {

    @Test
    void odysseeDatetimesParseWithOrWithoutZoneAndFormatAsFilterLiterals() {
        Instant at = Instant.parse("2015-07-14T13:08:00.120Z");
        assertEquals(Optional.of(at), OdysseeDates.parse("2015-07-14T13:08:00.120Z"));
        assertEquals(Optional.of(at), OdysseeDates.parse("2015-07-14T13:08:00.12"), "no zone means UTC");
        assertEquals(Optional.of(at), OdysseeDates.parse("2015-07-14T15:08:00.120+02:00"));
        assertEquals(Optional.empty(), OdysseeDates.parse("soon"));
        assertEquals(Optional.empty(), OdysseeDates.parse(""));
        assertEquals("'2015-07-14T13:08:00.120Z'", OdysseeDates.literal(at));
        assertEquals("'2015-07-14T13:08:00.000Z'", OdysseeDates.literal(Instant.parse("2015-07-14T13:08:00Z")));
    }

    @Test
    void exportDefaultsStartWhenFirstPolledAndLookBackTwoMinutes() {
        OdysseeExportSettings s = OdysseeExportSettings.from(MapConfig.settings(Map.of()));
        assertTrue(s.enabled());
        assertNull(s.startFrom());
        assertEquals(Duration.ofSeconds(120), s.lookBack());
        assertTrue(s.problems().isEmpty());
    }

    @Test
    void malformedStartIsANamedProblemAndTheExportFollowsTheConnector() {
        OdysseeExportSettings bad = OdysseeExportSettings.from(
                MapConfig.settings(Map.of("fieldsync.odyssee.export.start-from", "yesterday")));
        assertTrue(
                bad.problems().get(0).startsWith("fieldsync.odyssee.export.start-from must be"),
                bad.problems().toString());
        assertEquals(
                Instant.parse("2024-01-01T00:00:00Z"),
                OdysseeExportSettings.from(MapConfig.settings(
                                Map.of("fieldsync.odyssee.export.start-from", "2024-01-01T00:00:00Z")))
                        .startFrom());
        assertFalse(OdysseeExportSettings.from(MapConfig.settings(Map.of("fieldsync.odyssee.enabled", "false")))
                .enabled());
        assertFalse(OdysseeExportSettings.from(MapConfig.settings(Map.of("fieldsync.odyssee.export.enabled", "false")))
                .enabled());
    }
}
