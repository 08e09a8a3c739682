package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import com.fieldsync.connector.Connector;
import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.PushRequest;
import com.fieldsync.connector.Replies;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Pushes ERP records to Resco Cloud: {@code POST {set}} with an id FieldSync reserved beforehand
 * (so an unknown outcome is resolved by reading that id, never by creating twice), {@code PATCH
 * {set}({id})} for updates, {@code DELETE} for deletes. Nothing is sent when Resco already holds
 * the mapped values, and nothing while its data model has drifted from the mapping.
 */
@ApplicationScoped
public class RescoConnector implements Connector {

    public static final String PLATFORM = "resco";

    @Inject
    Settings settings;

    @Inject
    RescoClients clients;

    @Inject
    RescoDiscovery discovery;

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public boolean enabled() {
        return settings.bool(RescoSettings.ENABLED, false);
    }

    @Override
    public boolean handles(EntityType type) {
        return RescoMapping.from(settings).of(type).isPresent();
    }

    @Override
    public Optional<String> configurationProblem() {
        return RescoSettings.from(settings).problem();
    }

    @Override
    public Optional<String> remoteProblem() {
        return discovery.lastProblem();
    }

    @Override
    public Outcome push(PushRequest request) {
        RescoSettings s = RescoSettings.from(settings);
        if (s.problem().isPresent()) {
            // before the mapping is consulted: a typo in it must not read as "not mapped, done"
            return new Outcome.Transient("not configured: " + s.problem().get(), null);
        }
        Optional<RescoMapping.EntityMap> mapped = s.mapping().of(request.type());
        if (mapped.isEmpty()) {
            return new Outcome.NotApplicable(request.type() + " is not mapped to Resco (" + RescoMapping.TYPES + ")");
        }
        RescoMapping.EntityMap m = mapped.get();
        if (request.kind() == ChangeKind.DELETE) {
            if (request.linkState() == PushRequest.LinkState.NEW) {
                return new Outcome.NotApplicable("never sent to Resco: nothing to delete");
            }
            return call(s, api -> delete(api, m, request.remoteId()));
        }
        RescoRecords.Outbound out;
        try {
            out = RescoRecords.outbound(m, request);
        } catch (NumberFormatException e) {
            return new Outcome.Rejected(
                    0, "cannot map " + request.type() + " '" + request.erpKey() + "': a number field is not a number");
        }
        if (out.body() == null) {
            return new Outcome.WaitingFor(out.waitingForType(), out.waitingForKey());
        }
        if (request.linkState() == PushRequest.LinkState.CONFIRMED && out.hash().equals(request.lastSentHash())) {
            return new Outcome.Unchanged();
        }
        return call(s, api -> send(api, m, request, out));
    }

    private Outcome send(RescoApi api, RescoMapping.EntityMap m, PushRequest request, RescoRecords.Outbound out) {
        String set = m.entitySet();
        switch (request.linkState()) {
            case NEW -> {
                String id = request.reservation().reserve(UUID.randomUUID().toString());
                return create(api, set, id, out);
            }
            case UNCONFIRMED -> {
                // An earlier create may or may not have happened: read before creating again.
                try (Response existing = api.get(set, request.remoteId(), "id")) {
                    if (existing.getStatus() == 404) {
                        return create(api, set, request.remoteId(), out);
                    }
                    if (!Replies.isSuccess(existing.getStatus())) {
                        return RescoErrors.outcome(existing);
                    }
                }
                return update(api, set, request.remoteId(), out);
            }
            default -> {
                return update(api, set, request.remoteId(), out);
            }
        }
    }

    private Outcome create(RescoApi api, String set, String id, RescoRecords.Outbound out) {
        String body = Json.createObjectBuilder(out.body()).add("id", id).build().toString();
        try (Response created = api.create(set, "return=minimal", body)) {
            int status = created.getStatus();
            if (Replies.isSuccess(status)) {
                return new Outcome.Delivered(id, out.hash(), out.body().toString());
            }
            if (status == 400 || status == 409 || status == 412) {
                // Perhaps refused because an earlier send with this id went through (a dropped
                // connection after the server committed): if the record is there, it is ours.
                Outcome refusal = RescoErrors.outcome(created);
                try (Response existing = api.get(set, id, "id")) {
                    return Replies.isSuccess(existing.getStatus()) ? update(api, set, id, out) : refusal;
                }
            }
            return RescoErrors.outcome(created);
        }
    }

    private Outcome update(RescoApi api, String set, String id, RescoRecords.Outbound out) {
        try (Response updated = api.update(set, id, out.body().toString())) {
            if (updated.getStatus() == 404) {
                // deleted on the Resco side: create it again under the same id
                return create(api, set, id, out);
            }
            return Replies.isSuccess(updated.getStatus())
                    ? new Outcome.Delivered(id, out.hash(), out.body().toString())
                    : RescoErrors.outcome(updated);
        }
    }

    private Outcome delete(RescoApi api, RescoMapping.EntityMap m, String id) {
        try (Response deleted = api.delete(m.entitySet(), id)) {
            if (Replies.isSuccess(deleted.getStatus()) || deleted.getStatus() == 404) {
                return new Outcome.Delivered(id, null, null);
            }
            return RescoErrors.outcome(deleted);
        }
    }

    /** Resco answers with our credentials and its model fits the mapping. */
    @Override
    public Outcome probe() {
        RescoSettings s = RescoSettings.from(settings);
        if (s.problem().isPresent()) {
            return new Outcome.Transient("not configured: " + s.problem().get(), null);
        }
        RescoDiscovery.Result r = discovery.discover(s);
        if (r.unreachable() != null) {
            return new Outcome.Transient(r.unreachable(), null);
        }
        return r.problem().<Outcome>map(Outcome.Unusable::new).orElseGet(Outcome.Unchanged::new);
    }

    private Outcome call(RescoSettings s, Function<RescoApi, Outcome> work) {
        if (s.problem().isPresent()) {
            return new Outcome.Transient("not configured: " + s.problem().get(), null);
        }
        Optional<String> drift = discovery.problem(s);
        if (drift.isPresent()) {
            return new Outcome.Unusable(drift.get());
        }
        try {
            return work.apply(clients.api(s));
        } catch (ProcessingException e) {
            return new Outcome.Transient("Resco unreachable: " + Replies.describe(e), null);
        }
    }
}
