package com.fieldsync.web.admin;

import com.fieldsync.outbox.ConnectorStatus;
import com.fieldsync.outbox.OutboxAdmin;
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

    @GET
    @Path("status")
    public Map<String, Object> status() {
        return Map.of("connectors", connectors.all(), "outbox", outbox.depth());
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
