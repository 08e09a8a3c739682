package com.fieldsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void malformedNumberFallsBackToDefaultAndNamesTheKey() {
        Settings s = MapConfig.settings(Map.of("fieldsync.dispatch.batch-size", "lots"));
        assertEquals(100, s.integer("fieldsync.dispatch.batch-size", 100, 1, 1000));
        String problem =
                s.problem("fieldsync.dispatch.batch-size", 100, 1, 1000).orElseThrow();
        assertTrue(problem.contains("fieldsync.dispatch.batch-size"), problem);
        assertTrue(problem.contains("'lots'"), problem);
    }

    @Test
    void outOfRangeNumberIsReported() {
        Settings s = MapConfig.settings(Map.of("k", "0"));
        assertEquals(5, s.integer("k", 5, 1, 10));
        assertTrue(s.problem("k", 5, 1, 10).orElseThrow().contains("between 1 and 10"));
    }

    @Test
    void blankValuesCountAsUnset() {
        Settings s = MapConfig.settings(Map.of("k", "   ", "n", " 7 "));
        assertTrue(s.string("k").isEmpty());
        assertEquals(7, s.integer("n", 1, 1, 10));
    }
}
