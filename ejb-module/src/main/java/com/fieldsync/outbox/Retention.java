package com.fieldsync.outbox;

import com.fieldsync.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Deletes delivered outbox rows once they are older than the retention period, in bounded batches
 * (each its own short transaction), so the table stays small without a long delete locking it.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    private static final int BATCH = 1_000;
    private static final int MAX_BATCHES_PER_PASS = 50;

    @Inject
    OutboxStore store;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private final AtomicLong lastPass = new AtomicLong();

    /** Prunes if a pass is due; called by the sweep timer. Returns the rows deleted. */
    public int pruneIfDue() {
        long now = clock.millis();
        long interval = settings.integer(DispatchSettings.PRUNE_INTERVAL_MS, 60_000, 100, 86_400_000);
        long last = lastPass.get();
        if (now - last < interval || !lastPass.compareAndSet(last, now)) {
            return 0;
        }
        long retention =
                TimeUnit.MINUTES.toMillis(settings.integer(DispatchSettings.RETENTION_MINUTES, 4_320, 0, 5_256_000));
        int deleted = 0;
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            int n = store.prune(now - retention, BATCH);
            deleted += n;
            if (n < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            int total = deleted;
            LOG.fine(() -> "FieldSync: pruned " + total + " delivered outbox rows");
        }
        return deleted;
    }
}
