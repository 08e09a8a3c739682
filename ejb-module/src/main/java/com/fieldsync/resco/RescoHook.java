package com.fieldsync.resco;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A webhook FieldSync registered on Resco: where to delete it ({@code Location}) and the hash of
 * the secret its callback URL carries. The secret itself is kept nowhere but in that URL, which
 * only Resco knows; every instance checks callbacks against these rows.
 */
@Entity
@Table(name = "FS_RESCO_HOOK")
public class RescoHook {

    @Id
    @Column(name = "HOOK_KEY", length = 200)
    private String hookKey;

    @Column(name = "ENTITY_SET", nullable = false, length = 128)
    private String entitySet;

    @Column(name = "HOOK_ACTION", nullable = false, length = 20)
    private String action;

    @Column(name = "LOCATION", nullable = false, length = 1000)
    private String location;

    @Column(name = "SECRET_HASH", nullable = false, length = 64)
    private String secretHash;

    /** The callback base it was registered with; a changed setting means register again. */
    @Column(name = "CALLBACK_BASE", nullable = false, length = 1000)
    private String callbackBase;

    @Column(name = "OWNER", nullable = false, length = 200)
    private String owner;

    @Column(name = "REGISTERED_AT", nullable = false)
    private long registeredAt;

    protected RescoHook() {}

    RescoHook(
            String entitySet,
            String action,
            String location,
            String secretHash,
            String callbackBase,
            String owner,
            long registeredAt) {
        this.hookKey = key(entitySet, action);
        this.entitySet = entitySet;
        this.action = action;
        this.location = location;
        this.secretHash = secretHash;
        this.callbackBase = callbackBase;
        this.owner = owner;
        this.registeredAt = registeredAt;
    }

    static String key(String entitySet, String action) {
        return entitySet + "|" + action;
    }

    public String getHookKey() {
        return hookKey;
    }

    public String getEntitySet() {
        return entitySet;
    }

    public String getAction() {
        return action;
    }

    public String getLocation() {
        return location;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getCallbackBase() {
        return callbackBase;
    }

    public String getOwner() {
        return owner;
    }

    public long getRegisteredAt() {
        return registeredAt;
    }
}
