package com.fieldsync.inbound;

import java.util.List;

/**
 * A page of a feed.
 *
 * @param nextLink the platform's opaque link to the next page; null on the last page
 */
public record FeedPage(List<FeedRow> rows, String nextLink) {
    public FeedPage {
        rows = List.copyOf(rows);
    }
}
