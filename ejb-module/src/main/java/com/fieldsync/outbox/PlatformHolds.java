package com.fieldsync.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Platforms this instance must not call for now: refused credentials (until a probe succeeds) or
 * throttling (until its Retry-After passes). Held platforms' changes stay queued, untouched.
 */
@ApplicationScoped
public class PlatformHolds {

    private static final Logger LOG = Logger.getLogger(PlatformHolds.class.getName());

    /** Why and until when a platform is held; an auth hold is lifted only by a good probe. */
    public record Hold(boolean credentials, long until, String reason) {}

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    public void holdForCredentials(String platform, long nextProbeAt, String reason) {
        if (holds.put(platform, new Hold(true, nextProbeAt, reason)) == null) {
            LOG.warning(() -> "FieldSync: holding all changes for " + platform + ": " + reason);
        }
    }

    public void throttle(String platform, long until, String reason) {
        holds.merge(platform, new Hold(false, until, reason), (old, neu) -> old.credentials() ? old : neu);
    }

    public void release(String platform) {
        if (holds.remove(platform) != null) {
            LOG.info(() -> "FieldSync: " + platform + " accepts calls again; resuming");
        }
    }

    public Optional<Hold> hold(String platform) {
        return Optional.ofNullable(holds.get(platform));
    }

    /** Whether changes for the platform may be claimed at {@code now}. */
    public boolean open(String platform, long now) {
        Hold h = holds.get(platform);
        if (h == null) {
            return true;
        }
        if (!h.credentials() && h.until() <= now) {
            holds.remove(platform, h);
            return true;
        }
        return false;
    }
}
