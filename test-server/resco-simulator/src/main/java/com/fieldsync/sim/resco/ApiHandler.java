package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Exchanges;
import com.fieldsync.sim.common.FaultingHandler;
import com.fieldsync.sim.common.Faults;
import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.JsonBodies;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves everything outside {@code /_sim/}: plays queued faults, checks Basic credentials, routes below {@code
 * /odata/v4/{organization}/} and logs each call. A call is logged before its answer is written, so a client that has
 * its answer always finds its call in the log. Links in answers are built from the request's {@code Host}, so they
 * work for whatever name the client used.
 */
final class ApiHandler extends FaultingHandler<Response> {
    private static final Pattern RESOURCE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\(([^)]*)\\))?/?");
    private static final Pattern HOOK = Pattern.compile("\\$hook\\(([^)]*)\\)");

    /** What the handler works with, all owned by the simulator. */
    record Context(
            String basePath,
            Store store,
            Schema schema,
            Webhooks webhooks,
            Faults faults,
            Consumer<Call> log,
            Supplier<String> credentials,
            IntSupplier pageSize,
            ReadWriteLock settled) {}

    private final Context c;

    ApiHandler(Context context) {
        super(context.faults(), context.log(), context.settled());
        this.c = context;
    }

    /** The first segment after the organization without its key ({@code account}, {@code $metadata}), or null. */
    @Override
    protected String target(String path) {
        return Call.targetOf(path, c.basePath(), '(', '/');
    }

    @Override
    protected Response simulatedStatus(int status) {
        return Response.error(status, "Simulated", "simulated " + status);
    }

    @Override
    protected Response simulatedTooManyRequests(long retryAfterSeconds) {
        return Response.error(429, "TooManyRequests", "simulated 429")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    @Override
    protected void beforeSend(HttpExchange exchange) {
        exchange.getResponseHeaders().set("OData-Version", "4.0");
    }

    @Override
    protected Response process(Request request) {
        HttpExchange exchange = request.exchange();
        if (!Exchanges.basicAuthMatches(exchange, c.credentials().get())) {
            return Response.error(401, "Unauthorized", "missing or invalid credentials")
                    .withHeader("WWW-Authenticate", "Basic realm=\"Resco Cloud\"");
        }
        try {
            return route(exchange, request.method(), request.path(), request.query(), request.body());
        } catch (ODataException e) {
            return Response.error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return Response.error(500, "InternalError", "simulator error: " + e);
        }
    }

    private Response route(HttpExchange exchange, String method, String path, String query, String body) {
        String base = "http://" + host(exchange) + c.basePath();
        String basePath = c.basePath();
        if (path.equals(basePath) || path.equals(basePath.substring(0, basePath.length() - 1))) {
            requireMethod(method, "GET");
            return Response.json(200, Metadata.serviceDocument(c.schema().entitySets(), base));
        }
        if (!path.startsWith(basePath)) {
            throw ODataException.notFound("not a path of this Resco OData service (" + basePath + "): " + path);
        }
        String rest = path.substring(basePath.length());
        switch (rest) {
            case "$metadata":
                requireMethod(method, "GET");
                return Response.xml(200, Metadata.csdl(c.schema().entitySets()));
            case "$batch":
                throw new ODataException(501, "NotImplemented", "OData batch processing is not supported");
            case "$hook":
                requireMethod(method, "POST");
                return registerHook(base, query, body);
            default:
                break;
        }
        Matcher hook = HOOK.matcher(rest);
        if (hook.matches()) {
            requireMethod(method, "DELETE");
            if (!c.webhooks().unregister(hook.group(1))) {
                throw ODataException.notFound("no webhook '" + hook.group(1) + "'");
            }
            return Response.empty(204);
        }
        Matcher resource = RESOURCE.matcher(rest);
        if (!resource.matches()) {
            throw ODataException.notFound("no such resource: " + path);
        }
        EntitySet set = c.schema()
                .entitySet(resource.group(1))
                .orElseThrow(() -> ODataException.notFound("no entity set '" + resource.group(1) + "'"));
        String key = resource.group(2);
        if (key == null) {
            return collection(exchange, base, set, method, query, body);
        }
        if (!Guids.isGuid(key)) {
            throw ODataException.badRequest("the key of " + set.name() + " is an Edm.Guid written bare, got '" + key
                    + "', e.g. " + set.name() + "(585ace18-4eec-4288-9294-1286d768c210)");
        }
        return single(exchange, base, set, Guids.normalize(key), method, query, body);
    }

    private Response collection(
            HttpExchange exchange, String base, EntitySet set, String method, String query, String body) {
        switch (method) {
            case "GET":
                Query list = Query.list(set, query);
                return Response.json(
                        200,
                        c.store()
                                .atomically(() -> list.page(
                                        c.store().all(set.name()).stream()
                                                .map(record -> Records.render(set, record))
                                                .toList(),
                                        this::resolve,
                                        base + set.name(),
                                        base + "$metadata#" + set.name(),
                                        c.pageSize().getAsInt())));
            case "POST":
                JsonObject created = Records.render(set, c.store().create(set, object(body)));
                String id = created.getString(EntitySet.ID);
                String location = base + set.name() + "(" + id + ")";
                Response response = prefers(exchange, "return=minimal")
                        ? Response.empty(204).withHeader("Preference-Applied", "return=minimal")
                        : Response.json(201, withContext(base, set, created));
                return response.withHeader("Location", location)
                        .withHeader("OData-EntityId", location)
                        .withHeader("ETag", created.getString(EntitySet.ETAG));
            default:
                throw notAllowed("GET, POST");
        }
    }

    private Response single(
            HttpExchange exchange, String base, EntitySet set, String id, String method, String query, String body) {
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        switch (method) {
            case "GET":
                Query one = Query.single(set, query);
                JsonObject record = c.store().atomically(() -> c.store()
                        .find(set.name(), id)
                        .map(stored -> one.project(Records.render(set, stored), this::resolve))
                        .orElseThrow(() -> Store.noSuchRecord(set.name(), id)));
                return Response.json(200, withContext(base, set, record))
                        .withHeader("ETag", record.getString(EntitySet.ETAG));
            case "PATCH":
                JsonObject updated = Records.render(set, c.store().update(set, id, object(body), ifMatch));
                Response response = prefers(exchange, "return=representation")
                        ? Response.json(200, withContext(base, set, updated))
                                .withHeader("Preference-Applied", "return=representation")
                        : Response.empty(204);
                return response.withHeader("ETag", updated.getString(EntitySet.ETAG));
            case "DELETE":
                c.store().delete(set, id, ifMatch);
                return Response.empty(204);
            default:
                throw notAllowed("GET, PATCH, DELETE");
        }
    }

    private Response registerHook(String base, String query, String body) {
        Map<String, String> params = params(query);
        String entity = params.get("$entity");
        if (entity == null || c.schema().entitySet(entity).isEmpty()) {
            throw ODataException.badRequest("$entity must name an entity set, got " + entity);
        }
        String callback = null;
        for (Map.Entry<String, JsonValue> field : object(body).entrySet()) {
            if (field.getKey().equalsIgnoreCase("CallbackUrl") && field.getValue() instanceof JsonString) {
                callback = ((JsonString) field.getValue()).getString();
            }
        }
        Hook hook = c.webhooks().register(entity, params.get("$action"), callback);
        return Response.json(
                        201,
                        Json.createObjectBuilder()
                                .add("id", hook.id())
                                .add("entity", hook.entity())
                                .add("action", hook.action())
                                .add("CallbackUrl", hook.callbackUrl())
                                .build())
                .withHeader("Location", base + "$hook(" + hook.id() + ")");
    }

    /** A lookup's target as answered on its own (no $select), or null when the record is gone. */
    private JsonObject resolve(Attribute lookup, String id) {
        EntitySet target = c.schema().entitySet(lookup.lookupTarget()).orElse(null);
        if (target == null) {
            return null;
        }
        return c.store()
                .find(target.name(), id)
                .map(stored -> Records.render(target, stored))
                .orElse(null);
    }

    private static JsonObject withContext(String base, EntitySet set, JsonObject record) {
        JsonObjectBuilder out =
                Json.createObjectBuilder().add("@odata.context", base + "$metadata#" + set.name() + "/$entity");
        record.forEach(out::add);
        return out.build();
    }

    private static boolean prefers(HttpExchange exchange, String preference) {
        List<String> prefer = exchange.getRequestHeaders().get("Prefer");
        return prefer != null
                && prefer.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(preference));
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw notAllowed(allowed);
        }
    }

    private static ODataException notAllowed(String allowed) {
        return new ODataException(405, "MethodNotAllowed", "method not allowed here; allowed: " + allowed);
    }

    private static JsonObject object(String body) {
        return JsonBodies.object(body, ODataException::badRequest);
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            try {
                params.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ODataException.badRequest("malformed query string near '" + pair + "'");
            }
        }
        return params;
    }

    private static String host(HttpExchange exchange) {
        return Exchanges.host(exchange);
    }
}
