package com.fieldsync.odyssee;

import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.WorkOrderCompleted;
import com.fieldsync.inbound.Delivery;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.links.LinkStore;
import com.fieldsync.odyssee.api.OdysseeRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completed work orders: non-daily {@code JobApproval} rows, each delivered to the ERP as one {@link
 * WorkOrderCompleted} with its job's ERP key, its {@code JobPartUsage} and {@code JobNonPartUsage}
 * rows. Idempotent by approval id.
 */
@ApplicationScoped
public class ApprovalFeed extends ExportFeed {

    static final String NAME = "odyssee.approvals";

    @Inject
    LinkStore links;

    @Inject
    Event<WorkOrderCompleted> completed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    String controller() {
        return "JobApproval";
    }

    @Override
    String filter() {
        return "is_daily_approval eq false";
    }

    @Override
    public Delivery prepare(FeedRow row) throws FeedException {
        Map<String, Object> approval = data(row);
        String jobId = OdysseeReader.text(approval, "jobs_id");
        String workOrderKey = workOrderKey(jobId);
        String byJob = "jobs_id eq " + jobId;
        Map<String, String> keys = new HashMap<>();
        List<WorkOrderCompleted.MaterialUsed> materials = new ArrayList<>();
        for (Map<String, Object> part : reader.all("JobPartUsage", byJob, null, ORDER)) {
            String articleId = OdysseeReader.text(part, "article_id");
            materials.add(new WorkOrderCompleted.MaterialUsed(
                    erpKey(EntityType.ARTICLE, "Article", articleId, keys),
                    articleId,
                    OdysseeReader.number(part, "quantity")));
        }
        List<WorkOrderCompleted.TimeSpent> time = new ArrayList<>();
        for (Map<String, Object> spent : reader.all("JobNonPartUsage", byJob, null, ORDER)) {
            String userId = OdysseeReader.text(spent, "user_id");
            time.add(new WorkOrderCompleted.TimeSpent(
                    erpKey(EntityType.USER, "User", userId, keys), userId, OdysseeReader.number(spent, "duration")));
        }
        WorkOrderCompleted event = new WorkOrderCompleted(
                OdysseeConnector.PLATFORM, row.id(), jobId, workOrderKey, row.modified(), materials, time);
        requireObserver(event, "completed work orders");
        return new Delivery.Apply(row.id(), workOrderKey, () -> completed.fire(event));
    }

    /** From the link table when FieldSync sent the job; else Odyssee's {@code reference_back_office}. */
    private String workOrderKey(String jobId) throws FeedException {
        Optional<String> linked = links.erpKeyOf(OdysseeConnector.PLATFORM, EntityType.WORK_ORDER.name(), jobId);
        if (linked.isPresent()) {
            return linked.get();
        }
        List<Map<String, Object>> jobs = reader.all("Jobs", "id eq " + jobId, "id,reference_back_office", null);
        return jobs.isEmpty() ? "" : OdysseeReader.text(jobs.get(0), "reference_back_office");
    }

    /** The ERP key ({@code code}) of a referenced record: link table first, else one read, cached per approval. */
    private String erpKey(EntityType type, String controller, String id, Map<String, String> cache)
            throws FeedException {
        if (id.isEmpty() || id.equals(OdysseeRecord.NO_REFERENCE)) {
            return "";
        }
        String cached = cache.get(controller + "/" + id);
        if (cached != null) {
            return cached;
        }
        Optional<String> key = links.erpKeyOf(OdysseeConnector.PLATFORM, type.name(), id);
        String result = key.isPresent()
                ? key.get()
                : reader.get(controller, id)
                        .map(r -> OdysseeReader.text(r, "code"))
                        .orElse("");
        cache.put(controller + "/" + id, result);
        return result;
    }
}
