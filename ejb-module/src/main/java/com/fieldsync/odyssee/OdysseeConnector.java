package com.fieldsync.odyssee;

import com.fieldsync.config.Settings;
import com.fieldsync.connector.Connector;
import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.PushRequest;
import com.fieldsync.connector.Replies;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import com.fieldsync.odyssee.api.OdysseeApi;
import com.fieldsync.odyssee.api.OdysseeRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Pushes ERP records to Odyssee Mobile. Creates carry an id FieldSync reserved beforehand, so an
 * unknown outcome (crash, dropped connection) is resolved by looking that id up instead of creating
 * a second record.
 */
@ApplicationScoped
public class OdysseeConnector implements Connector {

    static final String PLATFORM = "odyssee";
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Settings settings;

    @Inject
    OdysseeClients clients;

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public boolean enabled() {
        return settings.bool(OdysseeSettings.ENABLED, true);
    }

    /** Every type but contacts, which Odyssee has no controller for. */
    @Override
    public boolean handles(EntityType type) {
        return type != EntityType.CONTACT;
    }

    @Override
    public Optional<String> configurationProblem() {
        return OdysseeSettings.from(settings).problem();
    }

    @Override
    public Outcome push(PushRequest request) {
        if (request.kind() == ChangeKind.DELETE) {
            return new Outcome.NotApplicable("Odyssee's API has no delete; the record stays on the platform");
        }
        OdysseeMapping.Mapped mapped;
        try {
            mapped = OdysseeMapping.map(request);
        } catch (IllegalArgumentException e) {
            return new Outcome.Rejected(
                    0, "cannot map " + request.type() + " '" + request.erpKey() + "': " + e.getMessage());
        }
        if (mapped.missing() != null) {
            return new Outcome.WaitingFor(
                    mapped.missing().type(), mapped.missing().erpKey());
        }
        OdysseeRecord record = mapped.record();
        String body = JSONB.toJson(record);
        String hash = sha256(body);
        if (request.linkState() == PushRequest.LinkState.CONFIRMED && hash.equals(request.lastSentHash())) {
            return new Outcome.Unchanged();
        }
        return call(api -> send(api, request.linkState(), request.reservation(), record, body, hash));
    }

    private Outcome send(
            OdysseeApi api,
            PushRequest.LinkState state,
            PushRequest.Reservation reservation,
            OdysseeRecord record,
            String body,
            String hash) {
        String controller = record.controller();
        if (state == PushRequest.LinkState.UNCONFIRMED) {
            // An earlier create may or may not have happened: ask before creating again.
            try (Response existing = api.get(controller, record.id)) {
                int status = existing.getStatus();
                if (status == 404) {
                    return create(api, record, body, hash);
                }
                if (!isSuccess(status)) {
                    return OdysseeErrors.outcome(existing);
                }
            }
        }
        if (state == PushRequest.LinkState.NEW) {
            record.id = reservation.reserve(UUID.randomUUID().toString());
            String withId = JSONB.toJson(record);
            return create(api, record, withId, sha256(withId));
        }
        try (Response updated = api.update(controller, record.id, body)) {
            if (updated.getStatus() == 404) {
                // The platform lost the record (deleted on the mobile side): create it again.
                return create(api, record, body, hash);
            }
            return isSuccess(updated.getStatus())
                    ? new Outcome.Delivered(record.id, hash, body)
                    : OdysseeErrors.outcome(updated);
        }
    }

    private Outcome create(OdysseeApi api, OdysseeRecord record, String body, String hash) {
        try (Response created = api.create(record.controller(), "return=minimal", body)) {
            int status = created.getStatus();
            if (isSuccess(status)) {
                // The status is what counts: an unreadable body still means the record holds our id.
                return new Outcome.Delivered(OdysseeErrors.returnedId(created).orElse(record.id), hash, body);
            }
            if (status == 409 || status == 422 || status == 400) {
                // Refused, perhaps because the record is already there: under our id (an earlier
                // send went through; the JDK's HTTP client even re-sends a POST by itself when a
                // connection drops), or under our code (a reservation lost with an unsynced
                // database, or a record created before FieldSync). Odyssee's code is the ERP key,
                // so such a record is this one: adopt it instead of dead-lettering the change.
                Outcome refusal = OdysseeErrors.outcome(created);
                Optional<String> existing = existingId(api, record);
                return existing.isPresent() ? update(api, record, existing.get(), body, hash) : refusal;
            }
            return OdysseeErrors.outcome(created);
        }
    }

    /** The id of the record holding our id or, failing that, our code; empty if neither exists. */
    private Optional<String> existingId(OdysseeApi api, OdysseeRecord record) {
        try (Response byId = api.get(record.controller(), record.id)) {
            if (isSuccess(byId.getStatus())) {
                return Optional.of(record.id);
            }
        }
        String filter = record.keyField() + " eq '" + record.erpKey().replace("'", "''") + "'";
        try (Response byCode = api.list(record.controller(), filter, "id", null, 2)) {
            return isSuccess(byCode.getStatus()) ? OdysseeErrors.singleId(byCode) : Optional.empty();
        }
    }

    private Outcome update(OdysseeApi api, OdysseeRecord record, String id, String body, String hash) {
        if (!id.equals(record.id)) {
            record.id = id;
            body = JSONB.toJson(record);
            hash = sha256(body);
        }
        try (Response updated = api.update(record.controller(), id, body)) {
            return isSuccess(updated.getStatus())
                    ? new Outcome.Delivered(id, hash, body)
                    : OdysseeErrors.outcome(updated);
        }
    }

    @Override
    public Outcome probe() {
        return call(api -> {
            try (Response r = api.list("ProjectType", null, "id", null, 1)) {
                return isSuccess(r.getStatus()) ? new Outcome.Unchanged() : OdysseeErrors.outcome(r);
            }
        });
    }

    private Outcome call(Function<OdysseeApi, Outcome> work) {
        OdysseeSettings s = OdysseeSettings.from(settings);
        if (s.problem().isPresent()) {
            return new Outcome.Transient("not configured: " + s.problem().get(), null);
        }
        try {
            return work.apply(clients.client(s));
        } catch (ProcessingException e) {
            return new Outcome.Transient("Odyssee unreachable: " + Replies.describe(e), null);
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    static String sha256(String text) {
        return Replies.sha256(text);
    }
}
