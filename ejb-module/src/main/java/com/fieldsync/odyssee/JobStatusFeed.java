package com.fieldsync.odyssee;

import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.JobStatus;
import com.fieldsync.erp.WorkOrderStatusChanged;
import com.fieldsync.inbound.Delivery;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.links.LinkStore;
import com.fieldsync.odyssee.api.OdysseeRecord;
import com.fieldsync.outbox.OutboxAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Job-status changes made on mobile: {@code Jobs} rows whose {@code job_status_id} differs from the
 * status FieldSync knows for the work order. A move the workflow allows is recorded and fired as
 * {@link WorkOrderStatusChanged}; an impossible one is reported, not applied. FieldSync's own
 * status pushes come back as rows with the known status and are skipped, and while an ERP change
 * of the work order is still on its way to Odyssee the ERP's status wins (the row is skipped; the
 * push overwrites it).
 */
@ApplicationScoped
public class JobStatusFeed extends ExportFeed {

    static final String NAME = "odyssee.job-statuses";
    private static final Logger LOG = Logger.getLogger(JobStatusFeed.class.getName());

    @Inject
    LinkStore links;

    @Inject
    JobWorkflow workflow;

    @Inject
    OutboxAdmin outbox;

    @Inject
    Event<WorkOrderStatusChanged> changes;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10; // before approvals: a job's last moves reach the ERP before its completion
    }

    @Override
    String controller() {
        return "Jobs";
    }

    @Override
    String filter() {
        return null;
    }

    @Override
    String select() {
        return "id,reference_back_office,job_status_id,user_id,modified_dateutc";
    }

    @Override
    public Delivery prepare(FeedRow row) throws FeedException {
        Map<String, Object> job = data(row);
        String itemId = row.id() + "@" + row.modified();
        String statusId = OdysseeReader.text(job, "job_status_id");
        if (statusId.isEmpty() || statusId.equals(OdysseeRecord.NO_REFERENCE)) {
            return new Delivery.Skip(itemId);
        }
        Optional<JobStatus> status = JobStatus.byId(statusId);
        if (status.isEmpty()) {
            return report(itemId, "job " + row.id() + " has job_status_id " + statusId + ", not an Odyssee status");
        }
        String key = links.erpKeyOf(OdysseeConnector.PLATFORM, EntityType.WORK_ORDER.name(), row.id())
                .orElse(OdysseeReader.text(job, "reference_back_office"));
        if (key.isEmpty()) {
            return new Delivery.Skip(itemId); // a job the ERP does not know; its approval still comes
        }
        Optional<JobStatus> known = workflow.known(key);
        JobStatus to = status.get();
        if (known.isPresent() && known.get() == to) {
            return new Delivery.Skip(itemId);
        }
        if (outbox.inFlight(OdysseeConnector.PLATFORM, EntityType.WORK_ORDER, key)) {
            return new Delivery.Skip(itemId);
        }
        String user = OdysseeReader.text(job, "user_id");
        boolean assigned = !user.isEmpty() && !user.equals(OdysseeRecord.NO_REFERENCE);
        if (known.isPresent()) {
            Optional<String> refusal = known.get().pathRefusal(to, assigned);
            if (refusal.isPresent()) {
                return report(
                        itemId,
                        "work order " + key + " (job " + row.id() + ") moved on mobile, impossibly: " + refusal.get());
            }
        }
        WorkOrderStatusChanged event = new WorkOrderStatusChanged(
                OdysseeConnector.PLATFORM, row.id(), key, known.orElse(null), to, row.modified());
        return new Delivery.Apply(itemId, key, () -> {
            Optional<String> refusal = workflow.remoteMove(key, to, assigned);
            if (refusal.isPresent()) {
                // the known status moved since prepare(): roll back, the next pass decides again
                throw new IllegalStateException("work order " + key + " changed while applying: " + refusal.get());
            }
            changes.fire(event);
        });
    }

    private static Delivery report(String itemId, String reason) {
        LOG.warning(() -> "FieldSync: not applied, reported: " + reason);
        return new Delivery.Report(itemId, reason);
    }
}
