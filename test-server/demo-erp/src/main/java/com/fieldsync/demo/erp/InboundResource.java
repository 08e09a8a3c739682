package com.fieldsync.demo.erp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What came back from mobile: {@code GET /erp/inbound/lines} lists every booked line (completion,
 * material, time, PDF) in booking order; {@code POST /erp/inbound/fail-next?times=N} makes the next N
 * bookings throw, {@code GET} of it tells how many are still to come.
 */
@Path("inbound")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboundResource {

    @Inject
    ErpInbound inbound;

    @GET
    @Path("lines")
    public List<Map<String, Object>> lines() {
        return inbound.lines().stream().map(InboundResource::view).toList();
    }

    @POST
    @Path("fail-next")
    public Map<String, Object> failNext(@QueryParam("times") int times) {
        inbound.failNext(times);
        return Map.of("failNext", times);
    }

    @GET
    @Path("fail-next")
    public Map<String, Object> failuresLeft() {
        return Map.of("failNext", inbound.failuresLeft());
    }

    private static Map<String, Object> view(Completion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("approvalId", c.getApprovalId());
        m.put("workOrder", c.getWorkOrder());
        m.put("kind", c.getKind());
        m.put("item", c.getItem());
        m.put("amount", c.getAmount());
        return m;
    }
}
