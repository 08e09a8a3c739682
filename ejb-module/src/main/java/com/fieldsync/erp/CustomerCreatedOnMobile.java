package com.fieldsync.erp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer a user created on mobile, which the ERP does not know yet. Fired as a synchronous CDI
 * event inside a JTA transaction, once per platform record; the observer creates the customer in
 * the ERP and calls {@link #assignKey(String)} with its new key. In the same transaction FieldSync
 * links the platform's record to that key and queues the key's write-back ({@code code} on
 * Odyssee), so the record is never created twice and the write-back never comes back as another
 * mobile change. If the observer throws or assigns no key, nothing is kept and the record comes
 * again later. Until an observer exists, such customers wait on the platform.
 *
 * @param platform the platform it came from
 * @param remoteId the platform's id of the record
 * @param fields its values under {@link EntityType#CUSTOMER}'s field names
 */
public final class CustomerCreatedOnMobile {

    private final String platform;
    private final String remoteId;
    private final Map<String, String> fields;
    private String erpKey;

    public CustomerCreatedOnMobile(String platform, String remoteId, Map<String, String> fields) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.remoteId = Objects.requireNonNull(remoteId, "remoteId");
        this.fields = Map.copyOf(fields);
    }

    public String platform() {
        return platform;
    }

    public String remoteId() {
        return remoteId;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The ERP's key of the customer it created for this record. */
    public void assignKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("an ERP key must be 1 to 200 characters: '" + key + "'");
        }
        this.erpKey = key;
    }

    public Optional<String> assignedKey() {
        return Optional.ofNullable(erpKey);
    }
}
