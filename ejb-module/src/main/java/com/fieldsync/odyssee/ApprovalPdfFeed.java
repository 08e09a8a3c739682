package com.fieldsync.odyssee;

import com.fieldsync.erp.ApprovalPdf;
import com.fieldsync.inbound.Delivery;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.inbound.FeedStore;
import com.fieldsync.inbound.InboundItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Approval PDFs: {@code DbFile} rows of type {@code JOB_APPROVAL}, produced by Odyssee's queue
 * seconds to hours after their approval. Each is delivered as an {@link ApprovalPdf} after its
 * approval reached the ERP; one that comes first is held, never dropped.
 */
@ApplicationScoped
public class ApprovalPdfFeed extends ExportFeed {

    static final String NAME = "odyssee.approval-pdfs";

    @Inject
    FeedStore feeds;

    @Inject
    Event<ApprovalPdf> pdfs;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    String controller() {
        return "DbFile";
    }

    @Override
    String filter() {
        return "file_type_name eq 'JOB_APPROVAL' and db_table_name eq 'job_approval'";
    }

    @Override
    String select() {
        // the listing leaves the bytes out; they are read one file at a time
        return "id,file_name,id_in_table,modified_dateutc";
    }

    @Override
    public Delivery prepare(FeedRow row) throws FeedException {
        Map<String, Object> file = data(row);
        String approvalId = OdysseeReader.text(file, "id_in_table");
        Optional<InboundItem> approval = feeds.item(ApprovalFeed.NAME, approvalId);
        if (approval.isEmpty() || approval.get().getState() != InboundItem.State.APPLIED) {
            return new Delivery.Hold(
                    row.id(), ApprovalFeed.NAME, approvalId, "approval " + approvalId + " has not reached the ERP yet");
        }
        Optional<byte[]> content = reader.content(row.id());
        if (content.isEmpty()) {
            return new Delivery.Report(row.id(), "DbFile " + row.id() + " was gone before its content was read");
        }
        String workOrderKey = approval.get().getDetail();
        ApprovalPdf event = new ApprovalPdf(
                OdysseeConnector.PLATFORM,
                approvalId,
                workOrderKey,
                row.id(),
                OdysseeReader.text(file, "file_name"),
                content.get());
        requireObserver(event, "approval PDFs");
        return new Delivery.Apply(row.id(), workOrderKey, () -> pdfs.fire(event));
    }
}
