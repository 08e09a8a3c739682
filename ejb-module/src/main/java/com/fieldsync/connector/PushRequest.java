package com.fieldsync.connector;

import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import java.util.Map;
import java.util.Optional;

/**
 * The latest state of one ERP record, to be made true on the platform.
 *
 * @param type record kind
 * @param erpKey the ERP key
 * @param kind upsert or delete
 * @param fields the ERP's synchronised fields (coalesced: the newest queued change wins)
 * @param remoteId the platform id linked to this record, or reserved for creating it
 * @param linkState whether the record is known to exist remotely
 * @param lastSentHash hash of the payload last confirmed by the platform, or null
 * @param references resolves the ERP key of a referenced record to its platform id
 */
public record PushRequest(
        EntityType type,
        String erpKey,
        ChangeKind kind,
        Map<String, Object> fields,
        String remoteId,
        LinkState linkState,
        String lastSentHash,
        References references) {

    /** What FieldSync knows about the remote copy of a record. */
    public enum LinkState {
        /** No remote record yet; {@code remoteId} was reserved just now, nothing was sent before. */
        NEW,
        /** A create was attempted earlier with {@code remoteId}; whether it happened is unknown. */
        UNCONFIRMED,
        /** The platform confirmed a record with {@code remoteId}. */
        CONFIRMED
    }

    /** Looks up confirmed links of other records. */
    @FunctionalInterface
    public interface References {
        /** The platform id of the referenced ERP record, if it has been synchronised. */
        Optional<String> remoteId(EntityType type, String erpKey);
    }
}
