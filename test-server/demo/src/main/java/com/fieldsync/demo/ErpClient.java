package com.fieldsync.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Calls the demo ERP's REST API, as its users' screens would. */
public final class ErpClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String inbound;

    /** @param serverBase the URL the demo ERP's WAR is deployed at, ending in {@code /} */
    public ErpClient(String serverBase) {
        this.base = serverBase + "erp/records/";
        this.inbound = serverBase + "erp/inbound/";
    }

    /** Saves a record; returns normally only once the ERP transaction committed. */
    public void save(String type, String key, Map<String, String> values) throws IOException, InterruptedException {
        JsonObjectBuilder body = Json.createObjectBuilder();
        values.forEach(body::add);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + type + "/" + key))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("ERP refused " + type + " " + key + ": " + r.statusCode() + " " + r.body());
        }
    }

    public JsonArray list(String type) throws IOException, InterruptedException {
        return Json.createReader(new StringReader(send("ERP list " + type, get(base + type))))
                .readArray();
    }

    /** Every line the ERP booked from mobile (completions, materials, time, PDFs), in booking order. */
    public JsonArray inboundLines() throws IOException, InterruptedException {
        return Json.createReader(new StringReader(send("ERP inbound lines", get(inbound + "lines"))))
                .readArray();
    }

    /** Makes the ERP's next {@code times} bookings from mobile throw (0: none). */
    public void failNext(int times) throws IOException, InterruptedException {
        send(
                "ERP fail-next",
                HttpRequest.newBuilder(URI.create(inbound + "fail-next?times=" + times))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    /** How many of the failures asked for with {@link #failNext(int)} are still to come. */
    public int failuresLeft() throws IOException, InterruptedException {
        return Json.createReader(new StringReader(send("ERP fail-next", get(inbound + "fail-next"))))
                .readObject()
                .getInt("failNext");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /** The body of a 200 answer; any other status is an IOException naming {@code what}. */
    private String send(String what, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(what + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    public static String text(JsonObject o, String field) {
        return o.containsKey(field) && !o.isNull(field) ? o.getString(field, String.valueOf(o.get(field))) : "";
    }
}
