package com.fieldsync.cursors;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a polled feed stands: the newest modification time applied (the watermark) and every row
 * applied within the look-back window before it. Immutable; stored as text in the same transaction
 * as the ERP's work, so the cursor moves if and only if that work commits.
 *
 * <p>Why not "modified gt watermark", the recipe of Odyssee's guide: rows sharing the watermark's
 * timestamp beyond a page boundary would be skipped, and so would a row whose transaction committed
 * after a newer one but carries an older time. Polling {@code modified ge watermark - lookBack}
 * re-reads the window, and the rows remembered in it are skipped. A row arriving later than the
 * window is still lost: choose the window larger than the platform's longest commit delay.
 */
public final class FeedCursor {

    private final Instant watermark;
    private final Duration lookBack;
    /** Row id to the modification time at which it was applied, for rows inside the window. */
    private final Map<String, Instant> applied;

    private FeedCursor(Instant watermark, Duration lookBack, Map<String, Instant> applied) {
        this.watermark = Objects.requireNonNull(watermark, "watermark");
        this.lookBack = Objects.requireNonNull(lookBack, "lookBack");
        if (lookBack.isNegative()) {
            throw new IllegalArgumentException("look-back must not be negative: " + lookBack);
        }
        this.applied = Map.copyOf(applied);
    }

    /**
     * A cursor at {@code watermark} that remembers {@code applied} (row id to modification time);
     * entries outside the window are dropped.
     */
    public static FeedCursor of(Instant watermark, Duration lookBack, Map<String, Instant> applied) {
        Instant windowStart = watermark.minus(lookBack);
        Map<String, Instant> kept = new TreeMap<>();
        applied.forEach((id, at) -> {
            if (!at.isBefore(windowStart)) {
                kept.put(id, at);
            }
        });
        return new FeedCursor(watermark, lookBack, kept);
    }

    public Duration lookBack() {
        return lookBack;
    }

    /** This cursor's watermark and window without the remembered rows (they are stored elsewhere). */
    public FeedCursor watermarkOnly() {
        return new FeedCursor(watermark, lookBack, Map.of());
    }

    /** A feed that has applied nothing yet and starts at {@code from}. */
    public static FeedCursor startingAt(Instant from, Duration lookBack) {
        return new FeedCursor(from, lookBack, Map.of());
    }

    public Instant watermark() {
        return watermark;
    }

    /** The lower bound (inclusive) of the next poll: {@code modified ge pollFrom()}. */
    public Instant pollFrom() {
        return watermark.minus(lookBack);
    }

    /** Whether this version of the row still has to be applied. */
    public boolean isNew(String id, Instant modified) {
        if (modified.isBefore(pollFrom())) {
            return false;
        }
        Instant seen = applied.get(id);
        return seen == null || modified.isAfter(seen);
    }

    /**
     * The cursor after applying this row; rows that left the window are forgotten.
     *
     * @param id the row's id (a GUID; it must not contain ',', '=' or '|')
     */
    public FeedCursor advance(String id, Instant modified) {
        if (id == null || id.isEmpty() || id.indexOf(',') >= 0 || id.indexOf('=') >= 0 || id.indexOf('|') >= 0) {
            throw new IllegalArgumentException("row id unusable in a feed cursor: '" + id + "'");
        }
        Instant newWatermark = modified.isAfter(watermark) ? modified : watermark;
        Instant windowStart = newWatermark.minus(lookBack);
        Map<String, Instant> kept = new TreeMap<>();
        applied.forEach((rowId, at) -> {
            if (!at.isBefore(windowStart)) {
                kept.put(rowId, at);
            }
        });
        if (!modified.isBefore(windowStart)) {
            kept.merge(id, modified, (a, b) -> a.isAfter(b) ? a : b);
        }
        return new FeedCursor(newWatermark, lookBack, kept);
    }

    /** How many rows the cursor remembers (all inside the window). */
    public int remembered() {
        return applied.size();
    }

    /** Text form for the cursor table: {@code watermark|lookBack|id=time,id=time…}. */
    public String encode() {
        return watermark + "|" + lookBack + "|"
                + new TreeMap<>(applied)
                        .entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(","));
    }

    /**
     * Reads {@link #encode()}'s form.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static FeedCursor decode(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed feed cursor: expected watermark|lookBack|rows");
        }
        try {
            Map<String, Instant> applied = new TreeMap<>();
            if (!parts[2].isEmpty()) {
                for (String row : parts[2].split(",")) {
                    int eq = row.indexOf('=');
                    applied.put(row.substring(0, eq), Instant.parse(row.substring(eq + 1)));
                }
            }
            return new FeedCursor(Instant.parse(parts[0]), Duration.parse(parts[1]), applied);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed feed cursor: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedCursor c
                && watermark.equals(c.watermark)
                && lookBack.equals(c.lookBack)
                && applied.equals(c.applied);
    }

    @Override
    public int hashCode() {
        return Objects.hash(watermark, lookBack, applied);
    }

    @Override
    public String toString() {
        return "FeedCursor[" + encode() + "]";
    }
}
