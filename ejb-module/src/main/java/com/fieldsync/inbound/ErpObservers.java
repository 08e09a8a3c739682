package com.fieldsync.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/** Whether the ERP observes an inbound event: until it does, a feed waits and consumes nothing. */
@ApplicationScoped
public class ErpObservers {

    @Inject
    BeanManager beans;

    /**
     * @param what the items, for the message ("approval PDFs")
     * @param platform where they wait ("Odyssee")
     * @throws FeedException if no observer of {@code event} is deployed
     */
    public void require(Object event, String what, String platform) throws FeedException {
        if (beans.resolveObserverMethods(event).isEmpty()) {
            throw new FeedException(
                    "no observer of " + event.getClass().getName() + " is deployed; " + what + " wait on " + platform
                            + " until the ERP observes them (nothing is consumed)",
                    false,
                    null);
        }
    }
}
