package com.fieldsync.odyssee;

import com.fieldsync.connector.PushRequest;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.JobStatus;
import com.fieldsync.odyssee.api.Article;
import com.fieldsync.odyssee.api.ArticleCategory;
import com.fieldsync.odyssee.api.Company;
import com.fieldsync.odyssee.api.Job;
import com.fieldsync.odyssee.api.OdysseeRecord;
import com.fieldsync.odyssee.api.Project;
import com.fieldsync.odyssee.api.ProjectType;
import com.fieldsync.odyssee.api.User;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Turns an ERP record's fields into the Odyssee record of its controller. */
final class OdysseeMapping {

    /** A reference that has not reached Odyssee yet. */
    record Missing(EntityType type, String erpKey) {}

    /** Either the record to send, or the reference it waits for. */
    record Mapped(OdysseeRecord record, Missing missing) {}

    private OdysseeMapping() {}

    static Mapped map(PushRequest request) {
        Map<String, Object> f = request.fields();
        PushRequest.References refs = request.references();
        OdysseeRecord record;
        switch (request.type()) {
            case USER -> {
                User u = new User();
                u.username = text(f, "username");
                u.firstname = text(f, "firstname");
                u.lastname = text(f, "lastname");
                record = u;
            }
            case CUSTOMER -> {
                Company c = new Company();
                c.name = text(f, "name");
                c.vat = text(f, "vat");
                c.phone = text(f, "phone");
                c.email = text(f, "email");
                c.street = text(f, "street");
                c.zip = text(f, "zip");
                c.city = text(f, "city");
                c.country = text(f, "country");
                record = c;
            }
            case PROJECT_TYPE -> {
                ProjectType t = new ProjectType();
                t.name = text(f, "name");
                record = t;
            }
            case ARTICLE_CATEGORY -> {
                ArticleCategory c = new ArticleCategory();
                c.name = text(f, "name");
                record = c;
            }
            case PROJECT -> {
                Project p = new Project();
                p.name = text(f, "name");
                Optional<Missing> missing = resolve(f, "customer", EntityType.CUSTOMER, refs, id -> p.companyId = id);
                if (missing.isEmpty()) {
                    missing = resolve(f, "projectType", EntityType.PROJECT_TYPE, refs, id -> p.projectTypeId = id);
                }
                if (missing.isPresent()) {
                    return new Mapped(null, missing.get());
                }
                record = p;
            }
            case ARTICLE -> {
                Article a = new Article();
                a.description = text(f, "description");
                a.price = number(f, "price");
                Optional<Missing> missing =
                        resolve(f, "category", EntityType.ARTICLE_CATEGORY, refs, id -> a.articleCategoryId = id);
                if (missing.isPresent()) {
                    return new Mapped(null, missing.get());
                }
                record = a;
            }
            case WORK_ORDER -> {
                Job j = new Job();
                j.description = text(f, "description");
                Optional<Missing> missing = resolve(f, "project", EntityType.PROJECT, refs, id -> j.projectId = id);
                if (missing.isEmpty()) {
                    missing = resolve(f, "technician", EntityType.USER, refs, id -> j.userId = id);
                }
                if (missing.isPresent()) {
                    return new Mapped(null, missing.get());
                }
                String status = text(f, "status");
                if (!status.isEmpty()) {
                    j.jobStatusId = JobStatus.parse(status).id();
                } else if (request.linkState() == PushRequest.LinkState.NEW) {
                    j.jobStatusId = JobStatus.OPEN.id(); // a new job starts Open unless the ERP says otherwise
                }
                record = j;
            }
            default -> throw new IllegalArgumentException("Odyssee has no controller for " + request.type());
        }
        record.erpKey(request.erpKey());
        record.id = request.remoteId();
        return new Mapped(record, null);
    }

    private static Optional<Missing> resolve(
            Map<String, Object> f,
            String field,
            EntityType type,
            PushRequest.References refs,
            java.util.function.Consumer<String> set) {
        String key = text(f, field);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> remote = refs.remoteId(type, key);
        if (remote.isEmpty()) {
            return Optional.of(new Missing(type, key));
        }
        set.accept(remote.get());
        return Optional.empty();
    }

    private static String text(Map<String, Object> f, String field) {
        Object v = f.get(field);
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }

    private static BigDecimal number(Map<String, Object> f, String field) {
        Object v = f.get(field);
        if (v == null || v.toString().isBlank()) {
            return BigDecimal.ZERO;
        }
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString().trim());
    }
}
