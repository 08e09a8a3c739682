package com.fieldsync.outbox;

import com.fieldsync.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Wakes the dispatcher on a fixed interval so retries fall due and a missed wake-up costs at most
 * one interval. Non-persistent on purpose: Payara does not coordinate persistent timers across
 * instances, so every instance sweeps and the database claim shares the work.
 */
@Singleton
@Startup
public class SweepTimer {

    @Resource
    TimerService timers;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Settings settings;

    @Inject
    Retention retention;

    @PostConstruct
    void start() {
        long interval = settings.integer(DispatchSettings.SWEEP_MS, 500, 50, 3_600_000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("fieldsync-outbox-sweep", false));
        dispatcher.wake();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        dispatcher.wake();
        retention.pruneIfDue();
    }
}
