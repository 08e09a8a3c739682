package com.fieldsync.web.hooks;

import com.fieldsync.resco.RescoCallbacks;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST api/webhooks/resco/{entitySet}/{secret}} with {@code {"id": …}}: 202 once the id is
 * recorded durably, 401 for an unknown secret (nothing recorded), 400 for a body that names no id,
 * 413 beyond 64 KiB.
 */
@Path("webhooks/resco/{set}/{secret}")
@RequestScoped
@PermitAll
public class RescoWebhookResource {

    static final int MAX_BODY = 64 * 1024;

    @Inject
    RescoCallbacks callbacks;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response callback(@PathParam("set") String set, @PathParam("secret") String secret, InputStream body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            return Response.status(413)
                    .entity("a callback body is at most 64 KiB")
                    .build();
        }
        RescoCallbacks.Answer answer = callbacks.accept(set, secret, new String(bytes, StandardCharsets.UTF_8));
        return Response.status(answer.status()).entity(answer.message()).build();
    }
}
