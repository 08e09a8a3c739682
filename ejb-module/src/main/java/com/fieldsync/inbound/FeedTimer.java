package com.fieldsync.inbound;

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
 * Asks for a pass over the inbound feeds every {@code fieldsync.inbound.poll-interval-ms}. Not
 * persistent, on every instance: the lease row decides which instance actually polls a feed.
 */
@Singleton
@Startup
public class FeedTimer {

    @Resource
    TimerService timers;

    @Inject
    FeedRunner runner;

    @Inject
    Settings settings;

    @PostConstruct
    void start() {
        long interval = settings.integer(FeedRunner.POLL_INTERVAL, 2_000, 100, 3_600_000);
        timers.createIntervalTimer(interval, interval, new TimerConfig("fieldsync-inbound-poll", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        runner.poll();
    }
}
