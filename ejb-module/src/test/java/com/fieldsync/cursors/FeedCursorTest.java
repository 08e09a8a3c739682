package com.fieldsync.cursors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LOOK_BACK = Duration.ofMinutes(5);

    /** A row of a polled feed, as the platform lists it. */
    record Row(String id, Instant modified) {}

    /** Applies what one poll returns, page by page (20 a page), ordered by (modified, id). */
    private static FeedCursor poll(FeedCursor cursor, List<Row> visible, Map<String, Integer> applied) {
        List<Row> result = visible.stream()
                .filter(r -> !r.modified().isBefore(cursor.pollFrom()))
                .sorted(Comparator.comparing(Row::modified).thenComparing(Row::id))
                .toList();
        FeedCursor c = cursor;
        for (int page = 0; page * 20 < result.size(); page++) {
            for (Row r : result.subList(page * 20, Math.min(result.size(), page * 20 + 20))) {
                if (c.isNew(r.id(), r.modified())) {
                    applied.merge(r.id(), 1, Integer::sum);
                    c = c.advance(r.id(), r.modified());
                }
            }
            // a crash between pages: the cursor committed so far is what the next poll starts from
            c = FeedCursor.decode(c.encode());
        }
        return c;
    }

    @Test
    void fortyFiveRowsSharingOneTimestampOverThreePagesAreEachAppliedOnce() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            rows.add(new Row("a" + (100 + i), T0));
        }
        Map<String, Integer> applied = new HashMap<>();
        FeedCursor c = poll(FeedCursor.startingAt(T0.minusSeconds(60), LOOK_BACK), rows, applied);
        c = poll(c, rows, applied);
        assertEquals(45, applied.size());
        assertTrue(applied.values().stream().allMatch(n -> n == 1), applied.toString());
        assertEquals(T0, c.watermark());
    }

    @Test
    void rowCommittedLateWithAnOlderTimestampIsAppliedInsideTheWindow() {
        Map<String, Integer> applied = new HashMap<>();
        List<Row> visible = new ArrayList<>(List.of(new Row("new", T0.plusSeconds(10))));
        FeedCursor c = poll(FeedCursor.startingAt(T0.minusSeconds(60), LOOK_BACK), visible, applied);
        // committed after "new" but stamped before it
        visible.add(new Row("late", T0.plusSeconds(5)));
        c = poll(c, visible, applied);
        assertEquals(Map.of("new", 1, "late", 1), applied);
        assertEquals(T0.plusSeconds(10), c.watermark(), "an older row does not move the watermark back");
    }

    @Test
    void rowUpdatedAgainIsAppliedAgainOnlyForItsNewVersion() {
        Map<String, Integer> applied = new HashMap<>();
        List<Row> visible = new ArrayList<>(List.of(new Row("x", T0)));
        FeedCursor c = poll(FeedCursor.startingAt(T0.minusSeconds(1), LOOK_BACK), visible, applied);
        c = poll(c, visible, applied);
        assertEquals(1, applied.get("x"));
        visible.set(0, new Row("x", T0.plusSeconds(30)));
        c = poll(c, visible, applied);
        poll(c, visible, applied);
        assertEquals(2, applied.get("x"));
    }

    @Test
    void rowsLeaveTheWindowAndAreForgotten() {
        FeedCursor c = FeedCursor.startingAt(T0, LOOK_BACK).advance("old", T0).advance("new", T0.plusSeconds(600));
        assertEquals(1, c.remembered());
        assertFalse(c.isNew("new", T0.plusSeconds(600)));
        assertFalse(c.isNew("older-than-window", T0), "outside the window: the poll never returns it anyway");
    }

    @Test
    void encodesAndDecodesAndNamesWhatIsMalformed() {
        FeedCursor c = FeedCursor.startingAt(T0, LOOK_BACK).advance("8ba9da71-ef32", T0.plusMillis(5));
        assertEquals(c, FeedCursor.decode(c.encode()));
        assertEquals(
                FeedCursor.startingAt(T0, LOOK_BACK),
                FeedCursor.decode(FeedCursor.startingAt(T0, LOOK_BACK).encode()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeedCursor.decode("garbage"));
        assertTrue(e.getMessage().contains("malformed feed cursor"));
        assertThrows(IllegalArgumentException.class, () -> FeedCursor.decode("2026-11-22T10:00:00Z|PT5M|a=notatime"));
        assertThrows(IllegalArgumentException.class, () -> c.advance("a,b", T0));
    }
}
