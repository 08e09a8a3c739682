package com.fieldsync.dynamics;

import java.util.Locale;
import java.util.Optional;

/** What a row of a sync packet asks for: its {@code status}, or {@link #UPSERT} for a row that has none. */
public enum RowStatus {
    INSERT("insert", "inserted"),
    UPDATE("update", "updated"),
    DELETE("delete", "deleted"),
    /** A row with no status (real packets have them): insert it, or update it when it exists. */
    UPSERT(null, null);

    private final String wireName;
    private final String pastTense;

    RowStatus(String wireName, String pastTense) {
        this.wireName = wireName;
        this.pastTense = pastTense;
    }

    /** The {@code status} written for this status, or null for {@link #UPSERT}: the attribute is left out. */
    public String wireName() {
        return wireName;
    }

    /**
     * The status {@code text} names, tolerating what real packets do: any case, blanks around, {@code inserted},
     * {@code updated}, {@code deleted}; null or blank is {@link #UPSERT}. Empty for anything else, {@code upsert}
     * included (the platform does not write it).
     */
    public static Optional<RowStatus> fromWire(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(UPSERT);
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (RowStatus status : values()) {
            if (status.wireName != null && (word.equals(status.wireName) || word.equals(status.pastTense))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
