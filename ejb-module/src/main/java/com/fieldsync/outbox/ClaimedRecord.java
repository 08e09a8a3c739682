package com.fieldsync.outbox;

import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import java.util.Map;

/**
 * A record claimed for one delivery: its oldest queued row ({@code headId}, which holds the claim)
 * and the newest one ({@code lastId}) whose fields are sent, all rows in between being coalesced,
 * with the record's link as it was at claim time.
 */
record ClaimedRecord(
        long headId,
        long lastId,
        long leaseUntil,
        int attempts,
        String recordKey,
        String platform,
        EntityType type,
        String erpKey,
        ChangeKind kind,
        Map<String, Object> fields,
        LinkSnapshot link) {

    /** The record's link as it was when claimed (null: none); only the claim's owner changes it. */
    record LinkSnapshot(String remoteId, boolean confirmed, String lastHash) {}
}
