package com.fieldsync.inbound;

/**
 * A feed as the admin sees it.
 *
 * @param applied items delivered to the ERP so far (all instances)
 * @param held items waiting for another item
 * @param reported items not delivered on purpose, with a reason
 * @param watermark the newest modification time applied, ISO-8601; null before the first
 * @param leaseOwner the instance polling the feed now
 * @param polledHere whether that is this instance
 * @param lastSuccessAt epoch millis of this instance's last complete pass; null if none
 * @param failures consecutive failed passes on this instance
 * @param lastError why the last pass stopped; null after a success
 * @param authFailure whether the platform refused the credentials
 * @param nudges webhook callbacks recorded and not yet acted on
 */
public record FeedStatus(
        String name,
        boolean enabled,
        long applied,
        long held,
        long reported,
        String watermark,
        String leaseOwner,
        boolean polledHere,
        Long lastSuccessAt,
        int failures,
        String lastError,
        boolean authFailure,
        long nudges) {}
