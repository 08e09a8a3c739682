package com.fieldsync.inbound;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a feed page.
 *
 * @param id the platform's id of the row; the cursor de-duplicates by it
 * @param modified the platform's modification time, the cursor's ordering key
 * @param data the feed's own view of the row, opaque to the engine
 */
public record FeedRow(String id, Instant modified, Object data) {
    public FeedRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
    }
}
