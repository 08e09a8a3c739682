package com.fieldsync.demo;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.odyssee.OdysseeSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Judges a demo run from the outside: the ERP's records against the platform's, and the platform's
 * call log against the ERP saves. Nothing here trusts a counter FieldSync keeps itself.
 */
public final class Reconciler {

    /** The outcome of one comparison. */
    public record Summary(
            long erpChanges,
            long delivered,
            long lost,
            long duplicateCreates,
            long calls,
            double p50Millis,
            double p99Millis,
            List<String> mismatches) {

        public double callsPerChange() {
            return erpChanges == 0 ? 0 : (double) calls / erpChanges;
        }

        public String line(String flow) {
            return String.format(
                    java.util.Locale.ROOT,
                    "DEMO %s: erp_changes=%d delivered=%d lost=%d duplicate_creates=%d calls_per_change=%.2f p50_ms=%.1f p99_ms=%.1f",
                    flow,
                    erpChanges,
                    delivered,
                    lost,
                    duplicateCreates,
                    callsPerChange(),
                    p50Millis,
                    p99Millis);
        }
    }

    /** {@code -Ddemo.slow-ms=N} prints every change slower than N ms, to see what a percentile hides. */
    private static final long SLOW_MILLIS = Long.getLong("demo.slow-ms", Long.MAX_VALUE);

    private Reconciler() {}

    /**
     * Compares the ERP with the platform. Latency percentiles count only saves made at or after
     * {@code measureFromNanos} (after the JIT warm-up); loss and duplicates count every save.
     */
    public static Summary reconcile(ErpClient erp, OdysseeSimulator sim, List<Change> changes, long measureFromNanos)
            throws Exception {
        Map<String, Integer> changesPerRecord = new HashMap<>();
        for (Change c : changes) {
            changesPerRecord.merge(c.type() + "/" + c.key(), 1, Integer::sum);
        }
        Map<String, Map<String, String>> codeById = new HashMap<>();
        Map<String, Map<String, List<JsonObject>>> remoteByCode = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            Map<String, String> ids = new HashMap<>();
            Map<String, List<JsonObject>> byCode = new HashMap<>();
            for (JsonObject row : sim.records(kind.controller)) {
                ids.put(row.getString("id").toLowerCase(), row.getString("code"));
                byCode.computeIfAbsent(row.getString("code"), c -> new ArrayList<>())
                        .add(row);
            }
            codeById.put(kind.controller, ids);
            remoteByCode.put(kind.controller, byCode);
        }
        long delivered = 0;
        long lost = 0;
        long duplicates = 0;
        List<String> mismatches = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            for (JsonValue v : erp.list(kind.path)) {
                JsonObject local = v.asJsonObject();
                String key = local.getString("key");
                int count = changesPerRecord.getOrDefault(kind.path + "/" + key, 0);
                List<JsonObject> remote = remoteByCode.get(kind.controller).getOrDefault(key, List.of());
                duplicates += Math.max(0, remote.size() - 1);
                String problem =
                        remote.isEmpty() ? "missing on the platform" : compare(kind, local, remote.get(0), codeById);
                if (problem == null) {
                    delivered += count;
                } else {
                    lost += count;
                    if (mismatches.size() < 20) {
                        mismatches.add(kind.path + " " + key + ": " + problem);
                    }
                }
            }
        }
        duplicates += duplicatePosts(sim.calls());
        List<Double> latencies = latencies(
                sim.calls(),
                changes.stream().filter(c -> c.startNanos() >= measureFromNanos).toList());
        return new Summary(
                changes.size(),
                delivered,
                lost,
                duplicates,
                outboundCalls(sim.calls()),
                percentile(latencies, 50),
                percentile(latencies, 99),
                mismatches);
    }

    private static String compare(
            RecordKind kind, JsonObject local, JsonObject remote, Map<String, Map<String, String>> codeById) {
        for (String field : kind.comparedFields) {
            String want = ErpClient.text(local, field);
            String got = remote.containsKey(field) ? ErpClient.text(remote, field) : "";
            if (!want.equals(got)) {
                return field + " is '" + got + "' on the platform but '" + want + "' in the ERP";
            }
        }
        if (kind == RecordKind.ARTICLE) {
            BigDecimal want = new BigDecimal(ErpClient.text(local, "price"));
            BigDecimal got = remote.getJsonNumber("price").bigDecimalValue();
            if (want.compareTo(got) != 0) {
                return "price is " + got + " on the platform but " + want + " in the ERP";
            }
        }
        if (kind.referenceField != null) {
            String want = ErpClient.text(local, kind.referenceField);
            String id = remote.getString(kind.remoteReferenceField).toLowerCase();
            String got = codeById.get(kind.referenced().controller).getOrDefault(id, "");
            if (!want.equals(got)) {
                return kind.referenceField + " refers to '" + got + "' on the platform but '" + want + "' in the ERP";
            }
        }
        return null;
    }

    /**
     * Calls made for ERP changes of the load's record kinds: the export feeds' polls (their filter
     * names {@code modified_dateutc}) and the work-order traffic are another flow's.
     */
    private static long outboundCalls(List<Call> calls) {
        Set<String> controllers = new HashSet<>();
        for (RecordKind k : RecordKind.values()) {
            controllers.add(k.controller);
        }
        return calls.stream()
                .filter(c -> controllers.contains(c.target()))
                .filter(c -> !("GET".equals(c.method())
                        && c.query() != null
                        && c.query().contains("modified_dateutc")))
                .count();
    }

    /** Successful creates beyond the first for one ERP key: what a lost create outcome would cause. */
    private static long duplicatePosts(List<Call> calls) {
        Map<String, Integer> creates = new HashMap<>();
        for (Call c : calls) {
            if ("POST".equals(c.method()) && c.status() / 100 == 2 && c.requestBody() != null) {
                JsonObject created = body(c);
                // the ERP key: code, or reference_back_office for a job
                String code = created.getString("code", created.getString("reference_back_office", ""));
                creates.merge(c.target() + "/" + code, 1, Integer::sum);
            }
        }
        return creates.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
    }

    /**
     * For each save that changed a synced field: the time from sending it to the ERP until the
     * platform first received that revision or a newer one of the record.
     */
    private static List<Double> latencies(List<Call> calls, List<Change> changes) {
        Map<String, RecordKind> byController = new HashMap<>();
        for (RecordKind k : RecordKind.values()) {
            byController.put(k.controller, k);
        }
        Map<String, List<long[]>> arrivals = new HashMap<>();
        for (Call c : calls) {
            boolean write = "POST".equals(c.method()) || "PUT".equals(c.method());
            RecordKind kind = byController.get(c.target());
            if (!write || kind == null || c.status() / 100 != 2 || c.requestBody() == null) {
                continue;
            }
            JsonObject body = body(c);
            int marker = LoadGenerator.marker(body.getString(kind.markedField, ""));
            arrivals.computeIfAbsent(kind.path + "/" + body.getString("code", ""), k -> new ArrayList<>())
                    .add(new long[] {c.atNanos(), marker});
        }
        List<Double> result = new ArrayList<>();
        for (Change change : changes) {
            if (change.marker() == 0) {
                continue;
            }
            for (long[] arrival : arrivals.getOrDefault(change.type() + "/" + change.key(), List.of())) {
                if (arrival[0] >= change.startNanos() && arrival[1] >= change.marker()) {
                    double ms = (arrival[0] - change.startNanos()) / (double) TimeUnit.MILLISECONDS.toNanos(1);
                    if (ms > SLOW_MILLIS) {
                        System.out.printf(
                                java.util.Locale.ROOT,
                                "slow: %s %s #%d took %.0f ms%n",
                                change.type(),
                                change.key(),
                                change.marker(),
                                ms);
                    }
                    result.add(ms);
                    break;
                }
            }
        }
        return result;
    }

    private static JsonObject body(Call c) {
        try {
            return Json.createReader(new StringReader(c.requestBody())).readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
