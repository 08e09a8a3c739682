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
 * @param remoteId the platform id linked to this record; null when {@code linkState} is NEW
 * @param linkState whether the record is known to exist remotely
 * @param lastSentHash hash of the payload last confirmed by the platform, or null
 * @param references resolves the ERP key of a referenced record to its platform id
 * @param reservation commits the id a create is about to use; the connector must call it right
 *     before sending a create, so that a crash after the create leaves a trace to check
 */
public record PushRequest(
        EntityType type,
        String erpKey,
        ChangeKind kind,
        Map<String, Object> fields,
        String remoteId,
        LinkState linkState,
        String lastSentHash,
        References references,
        Reservation reservation) {

    /** What FieldSync knows about the remote copy of a record. */
    public enum LinkState {
        /** No remote record yet and no create was ever sent. */
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

    /** Commits the remote id of a create before it is sent. */
    @FunctionalInterface
    public interface Reservation {
        /**
         * Stores {@code proposedRemoteId} (null if the platform assigns ids) as this record's
         * unconfirmed link and returns the id to create with.
         */
        String reserve(String proposedRemoteId);
    }
}
