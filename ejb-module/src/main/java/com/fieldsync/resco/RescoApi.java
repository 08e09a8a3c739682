package com.fieldsync.resco;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Resco's OData v4 service (remote-apis.md section 2), relative to the organisation's base URL.
 * Every method returns the raw {@link Response}, which the caller classifies and closes. Collection
 * reads (which follow {@code @odata.nextLink}), the service document and {@code $metadata} go
 * through {@link RescoReader}. A key is
 * written bare in parentheses, as OData writes a GUID: {@code account(585ace18-…)}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RescoApi extends AutoCloseable {

    @GET
    @Path("{set}({id})")
    Response get(@PathParam("set") String set, @PathParam("id") String id, @QueryParam("$select") String select);

    @POST
    @Path("{set}")
    Response create(@PathParam("set") String set, @HeaderParam("Prefer") String prefer, String body);

    @PATCH
    @Path("{set}({id})")
    Response update(@PathParam("set") String set, @PathParam("id") String id, String body);

    @DELETE
    @Path("{set}({id})")
    Response delete(@PathParam("set") String set, @PathParam("id") String id);

    /** {@code $hook?$entity=…&$action=…} with {@code {"CallbackUrl": …}}; the answer's Location deletes it. */
    @POST
    @Path("$hook")
    Response registerHook(@QueryParam("$entity") String entity, @QueryParam("$action") String action, String body);
}
