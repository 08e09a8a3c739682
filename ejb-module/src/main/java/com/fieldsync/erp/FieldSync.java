package com.fieldsync.erp;

/**
 * The service ERP code injects ({@code @Inject FieldSync fieldSync}) to queue a change. Equivalent
 * to firing an {@link ErpChange} CDI event.
 */
public interface FieldSync {

    /**
     * Queues the change in the caller's JTA transaction: it is delivered after that transaction
     * commits and discarded if it rolls back.
     *
     * @throws NoTransactionException if no JTA transaction is active
     * @throws IllegalArgumentException if the change is malformed
     * @throws WorkflowException if it is a {@link EntityType#WORK_ORDER} whose {@code status} the
     *     job-status workflow forbids from the work order's current status
     */
    void enqueue(ErpChange change);
}
