package com.fieldsync.erp;

import java.util.Map;
import java.util.Objects;

/**
 * A record the ERP synchronises was changed on mobile (a salesperson edited a customer's phone, a
 * technician a work order's description). Fired as a synchronous CDI event inside a JTA transaction,
 * once per platform version of the record, in the platform's modification order; an older version is
 * never delivered after a newer one. The observer updates the ERP record in that transaction; if it
 * throws, nothing is kept and the change comes again later. Changes FieldSync itself pushed are not
 * delivered back. If the ERP then queues the same values as an {@link ErpChange}, no call is made:
 * the platform already holds them.
 *
 * @param platform the platform it came from
 * @param type the ERP record kind
 * @param erpKey the ERP record's key
 * @param remoteId the platform's id of the record
 * @param version the platform's version of the record (Resco's {@code versionnumber})
 * @param fields the mapped values under {@code type}'s field names (only the fields the platform
 *     maps); an empty string means empty on the platform
 */
public record RecordChangedOnMobile(
        String platform, EntityType type, String erpKey, String remoteId, long version, Map<String, String> fields) {

    public RecordChangedOnMobile {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(erpKey, "erpKey");
        Objects.requireNonNull(remoteId, "remoteId");
        fields = Map.copyOf(fields);
    }
}
