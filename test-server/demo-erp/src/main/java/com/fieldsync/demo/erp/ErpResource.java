package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.NoTransactionException;
import com.fieldsync.erp.WorkflowException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo ERP's API: {@code PUT /erp/records/{type}/{key}} saves a record (type as in {@link
 * EntityType}, case-insensitive, e.g. {@code customer}); {@code GET /erp/records/{type}} lists them.
 */
@Path("records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErpResource {

    @Inject
    ErpService erp;

    @PUT
    @Path("{type}/{key}")
    public Response save(
            @PathParam("type") String type,
            @PathParam("key") String key,
            @QueryParam("fail") boolean fail,
            Map<String, Object> values) {
        EntityType t = type(type);
        try {
            if (fail) {
                erp.saveThenFail(t, key, values);
            }
            ErpRecord saved = erp.save(t, key, values);
            return Response.ok(view(saved)).build();
        } catch (DemoRollback e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of("message", e.getMessage()))
                    .build();
        } catch (WorkflowException e) {
            // FieldSync refused the status before queuing anything; the save was rolled back
            return Response.status(422)
                    .entity(Map.of("message", e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("{type}")
    public List<Map<String, Object>> list(@PathParam("type") String type) {
        return erp.all(type(type)).stream().map(ErpResource::view).toList();
    }

    /** Shows what FieldSync answers to a caller that forgot its transaction. */
    @POST
    @Path("{type}/{key}/without-transaction")
    public Response withoutTransaction(@PathParam("type") String type, @PathParam("key") String key) {
        try {
            erp.enqueueWithoutTransaction(type(type), key);
            return Response.ok(Map.of("message", "queued")).build();
        } catch (NoTransactionException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of("message", e.getMessage()))
                    .build();
        } catch (EJBException e) {
            Throwable cause = e.getCausedByException() != null ? e.getCausedByException() : e.getCause();
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of("message", String.valueOf(cause == null ? e.getMessage() : cause.getMessage())))
                    .build();
        }
    }

    private static EntityType type(String type) {
        try {
            return EntityType.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException("no such record type: " + type);
        }
    }

    private static Map<String, Object> view(ErpRecord r) {
        Map<String, Object> m = new LinkedHashMap<>(r.syncedFields());
        m.put("key", r.getKey());
        m.put("revision", r.getRevision());
        return m;
    }
}
