package com.fieldsync.web.admin;

import com.fieldsync.inbound.FeedRunner;
import com.fieldsync.inbound.FeedStore;
import com.fieldsync.inbound.InboundItem;
import com.fieldsync.outbox.ConnectorStatus;
import com.fieldsync.outbox.OutboxAdmin;
import com.fieldsync.resco.RescoDiscovery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Status, queue depth and dead letters, for the admin page and for scripts. */
@Path("admin")
@RequestScoped
@RolesAllowed(AdminResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    public static final String ROLE = "fieldsync-admin";

    @Inject
    OutboxAdmin outbox;

    @Inject
    ConnectorStatus connectors;

    @Inject
    FeedRunner feeds;

    @Inject
    FeedStore feedStore;

    @Inject
    RescoDiscovery resco;

    /**
     * Reads Resco's service document and {@code $metadata} now and compares them with the mapping:
     * {@code drift} lists each missing or incompatible entity set and attribute.
     */
    @POST
    @Path("resco/discover")
    public RescoDiscovery.Result discoverResco() {
        return resco.discoverNow();
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        return Map.of("connectors", connectors.all(), "outbox", outbox.depth(), "feeds", feeds.status());
    }

    /**
     * A feed's items in one state, newest first: {@code HELD} (waiting for another item) or {@code
     * REPORTED} (not delivered on purpose, with the reason).
     */
    @GET
    @Path("feeds/{feed}/items")
    public Response feedItems(
            @PathParam("feed") String feed,
            @QueryParam("state") @DefaultValue("REPORTED") String state,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        InboundItem.State wanted;
        try {
            wanted = InboundItem.State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Map.of("message", "state must be one of " + List.of(InboundItem.State.values())))
                    .build();
        }
        if (feeds.status().stream().noneMatch(f -> f.name().equals(feed))) {
            return Response.status(404)
                    .entity(Map.of("message", "no feed " + feed))
                    .build();
        }
        List<Map<String, Object>> items = feedStore.items(feed, wanted, Math.max(1, Math.min(limit, 1000))).stream()
                .map(AdminResource::view)
                .toList();
        return Response.ok(items).build();
    }

    private static Map<String, Object> view(InboundItem item) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("itemId", item.getItemId());
        m.put("state", item.getState().name());
        m.put("waitingFor", item.getWaitingFor());
        m.put("detail", item.getDetail());
        m.put("recordedAt", java.time.Instant.ofEpochMilli(item.getRecordedAt()).toString());
        return m;
    }

    @GET
    @Path("dead-letters")
    public List<OutboxAdmin.DeadLetter> deadLetters(@QueryParam("limit") @DefaultValue("100") int limit) {
        return outbox.deadLetters(Math.max(1, Math.min(limit, 1000)));
    }

    @POST
    @Path("dead-letters/{id}/replay")
    public Response replay(@PathParam("id") long id) {
        OutboxAdmin.ReplayResult result = outbox.replay(id);
        return result == OutboxAdmin.ReplayResult.NOT_FOUND
                ? Response.status(404)
                        .entity(Map.of("message", "no dead letter " + id))
                        .build()
                : Response.ok(Map.of("result", result.name())).build();
    }

    @DELETE
    @Path("dead-letters/{id}")
    public Response discard(@PathParam("id") long id) {
        return outbox.discard(id)
                ? Response.noContent().build()
                : Response.status(404)
                        .entity(Map.of("message", "no dead letter " + id))
                        .build();
    }
}
