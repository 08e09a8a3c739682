package com.fieldsync.odyssee;

import com.fieldsync.config.Settings;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.ErpChange;
import com.fieldsync.erp.JobStatus;
import com.fieldsync.erp.WorkflowException;
import com.fieldsync.outbox.ChangeGuard;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Odyssee's job-status workflow applied to work orders, from both sides: an ERP change that
 * requests a status is checked against the status the work order is known to be in, and refused
 * before anything is queued if the table forbids it; a status change reported by the export feed
 * is checked the same way. The known status is kept in {@link JobState}, locked while it is
 * checked so two transactions cannot both move the same work order.
 */
@Stateless
@Local(ChangeGuard.class)
@LocalBean
public class JobWorkflow implements ChangeGuard {

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Checks a WORK_ORDER change that names a status, in the ERP's transaction. */
    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void check(ErpChange change) {
        if (change.type() != EntityType.WORK_ORDER
                || change.kind() == ChangeKind.DELETE
                || !settings.bool(OdysseeSettings.ENABLED, true)) {
            return;
        }
        String requested = text(change, "status");
        if (requested.isEmpty()) {
            return; // no status requested: the job keeps whatever status it has
        }
        JobStatus to = JobStatus.parse(requested);
        boolean assigned = !text(change, "technician").isEmpty();
        JobState state = em.find(JobState.class, change.erpKey(), LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            if (to.needsAssignedUser() && !assigned) {
                throw new WorkflowException("work order " + change.erpKey() + ": a job cannot start in '" + to.label()
                        + "' without an assigned user (set technician)");
            }
            state = new JobState(change.erpKey());
            state.set(to.name(), assigned, clock.millis());
            em.persist(state);
            return;
        }
        JobStatus from = JobStatus.valueOf(state.getStatus());
        if (from != to) {
            Optional<String> refusal = from.refusal(to, assigned);
            if (refusal.isPresent()) {
                throw new WorkflowException("work order " + change.erpKey() + ": " + refusal.get());
            }
        }
        state.set(to.name(), assigned, clock.millis());
    }

    /** The status the work order is known to be in, if any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JobStatus> known(String erpKey) {
        JobState state = em.find(JobState.class, erpKey);
        return state == null ? Optional.empty() : Optional.of(JobStatus.valueOf(state.getStatus()));
    }

    /**
     * Records a status a technician set, in the export feed's transaction.
     *
     * @return why the move from the known status is impossible, or empty if it was recorded
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<String> remoteMove(String erpKey, JobStatus to, boolean assigned) {
        JobState state = em.find(JobState.class, erpKey, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new JobState(erpKey);
            state.set(to.name(), assigned, clock.millis());
            em.persist(state);
            return Optional.empty();
        }
        Optional<String> refusal = JobStatus.valueOf(state.getStatus()).pathRefusal(to, assigned);
        if (refusal.isPresent()) {
            return refusal;
        }
        state.set(to.name(), assigned, clock.millis());
        return Optional.empty();
    }

    private static String text(ErpChange change, String field) {
        Object v = change.fields().get(field);
        return v == null ? "" : v.toString().trim();
    }
}
