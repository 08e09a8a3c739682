package com.fieldsync.odyssee.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Odyssee's REST API (remote-apis.md §1). Every method returns the raw {@link Response} so the
 * connector classifies each status itself; callers must close it. Built with {@code
 * RestClientBuilder} from admin config, not injected, because the URL is only known at run time.
 *
 * <p>Bodies are JSON text serialised by the connector with JSON-B, so the hash FieldSync keeps of
 * what was sent is the hash of exactly the bytes sent.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OdysseeApi extends AutoCloseable {

    @POST
    @Path("{controller}")
    Response create(@PathParam("controller") String controller, @HeaderParam("Prefer") String prefer, String body);

    @PUT
    @Path("{controller}/{id}")
    Response update(@PathParam("controller") String controller, @PathParam("id") String id, String body);

    @GET
    @Path("{controller}/{id}")
    Response get(@PathParam("controller") String controller, @PathParam("id") String id);

    /** {@code {"id":…,"file_name":…,"content":"<base64>"}}. */
    @GET
    @Path("DbFile/{id}/content")
    Response fileContent(@PathParam("id") String id);

    @GET
    @Path("{controller}")
    Response list(
            @PathParam("controller") String controller,
            @QueryParam("$filter") String filter,
            @QueryParam("$select") String select,
            @QueryParam("$orderby") String orderby,
            @QueryParam("$top") Integer top);
}
