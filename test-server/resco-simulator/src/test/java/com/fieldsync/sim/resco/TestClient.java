package com.fieldsync.sim.resco;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A JDK HttpClient aimed at one simulator's service root, with the few helpers the tests share. */
final class TestClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String authorization;

    /** Relative paths resolve against {@code base}; absolute URLs are used as they are. */
    TestClient(String base) {
        this.base = base;
    }

    /** Sends Basic credentials from now on; a null user sends none. */
    TestClient basic(String user, String password) {
        authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Reply post(String path, JsonObject body, String... headers) {
        return post(path, body.toString(), headers);
    }

    Reply post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply patch(String path, JsonObject body, String... headers) {
        return send(request(path, headers).method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    Reply method(String method, String path, String body) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends without catching: for the faults whose point is the IOException. */
    HttpResponse<String> postRaw(String path, JsonObject body) throws IOException, InterruptedException {
        return http.send(
                request(path)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every record of a list, following {@code @odata.nextLink} verbatim; page sizes go into {@code pageSizes}. */
    List<JsonObject> getAll(String path, List<Integer> pageSizes) {
        List<JsonObject> records = new ArrayList<>();
        String next = path;
        while (next != null) {
            Reply reply = get(next);
            if (reply.status() != 200) {
                throw new AssertionError("page answered " + reply.status() + ": " + reply.body());
            }
            JsonArray value = reply.value();
            pageSizes.add(value.size());
            value.forEach(record -> records.add(record.asJsonObject()));
            next = reply.json().getString("@odata.nextLink", null);
        }
        return records;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        String url = path.startsWith("http") ? path : base + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Query-string encoding as clients do it ({@code +} for spaces). */
    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A JSON object from name/value pairs: strings, numbers, booleans and nulls. */
    static JsonObject obj(Object... pairs) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value instanceof String) {
                builder.add(name, (String) value);
            } else if (value instanceof Boolean) {
                builder.add(name, (Boolean) value);
            } else if (value instanceof Integer) {
                builder.add(name, (Integer) value);
            } else if (value instanceof Long) {
                builder.add(name, (Long) value);
            } else if (value instanceof BigDecimal) {
                builder.add(name, (BigDecimal) value);
            } else if (value instanceof Double) {
                builder.add(name, (Double) value);
            } else if (value == null) {
                builder.addNull(name);
            } else {
                throw new IllegalArgumentException("unsupported value " + value);
            }
        }
        return builder.build();
    }

    record Reply(int status, String body, HttpHeaders headers) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        JsonArray value() {
            return json().getJsonArray("value");
        }

        /** The OData error's message. */
        String message() {
            return json().getJsonObject("error").getString("message");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
