package com.fieldsync.demo;

import com.fieldsync.sim.resco.RescoSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Resco direction of the demo: a mobile user who, while the ERP traffic runs, edits a random
 * account already synced to Resco every few hundred milliseconds (a new, unique {@code
 * telephone1}), the way an edit on the app reaches Resco: stamped, given a new {@code
 * versionnumber} and announced to FieldSync's webhooks. Judged from the outside: each edited
 * account's ERP customer must end up with the last phone number written, and the ERP's {@code
 * MOBILE_CHANGE} lines show what was booked.
 *
 * <p>The accounts are those of the user's own customers, which the ERP creates before the traffic
 * and then leaves alone. The load generator saves its customers several times a second; a mobile
 * edit crossing an ERP save of the same record is an edit conflict, where the later write wins on
 * each side (README, known limits), not a loss. An account is also left alone for a moment after it
 * appears on Resco: FieldSync's feed skips a record while an ERP change of it (here its create) is
 * queued or in flight, and does not read an edit skipped that way again.
 */
public final class RescoMobileUser {

    /** Accounts that appeared on Resco less than this long ago are left alone. */
    private static final long SETTLED_NANOS =
            TimeUnit.MILLISECONDS.toNanos(Long.getLong("demo.resco.settled-ms", 2_000));

    private final RescoSimulator sim;
    private final long intervalNanos;
    private final List<String> customers = new ArrayList<>();
    private final Random random = new Random(7);
    /** Account id → when this user first saw it on Resco. */
    private final Map<String, Long> firstSeen = new HashMap<>();
    /** Account id → the ERP key and the last phone number written, in first-edit order. */
    private final Map<String, Edit> edited = new LinkedHashMap<>();

    private final AtomicLong edits = new AtomicLong();
    public final AtomicLong failures = new AtomicLong();
    private int sequence;

    private record Edit(String erpKey, String phone) {}

    /** What came back, judged by the ERP's customers and booked lines. */
    public record Summary(
            long edits, int accounts, long applied, long duplicateBookings, long otherBookings, List<String> lost) {}

    /**
     * @param intervalMillis the time between two edits
     * @param accounts how many customers this user works on
     * @param prefix prefixed to their ERP keys
     */
    public RescoMobileUser(RescoSimulator sim, long intervalMillis, int accounts, String prefix) {
        this.sim = sim;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        for (int i = 0; i < accounts; i++) {
            customers.add(prefix + "RESCO-" + i);
        }
    }

    /** The ERP's customers whose accounts this user edits. */
    public void setUp(ErpClient erp) throws IOException, InterruptedException {
        for (String key : customers) {
            erp.save("customer", key, Map.of("name", "Resco customer " + key, "city", "Leuven", "country", "BE"));
        }
    }

    /** Edits until {@code untilNanos}, one account per interval. */
    public void run(long untilNanos) throws InterruptedException {
        long next = System.nanoTime();
        while (System.nanoTime() < untilNanos) {
            try {
                editOne();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                System.out.println("demo resco mobile user: " + e.getMessage());
            }
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
    }

    private void editOne() {
        long now = System.nanoTime();
        List<JsonObject> candidates = new ArrayList<>();
        for (JsonObject account : sim.records("account")) {
            if (!customers.contains(RescoReconciler.text(account, "accountnumber"))) {
                continue;
            }
            long seen = firstSeen.computeIfAbsent(account.getString("id"), id -> now);
            if (now - seen >= SETTLED_NANOS) {
                candidates.add(account);
            }
        }
        if (candidates.isEmpty()) {
            return; // none synced yet
        }
        JsonObject account = candidates.get(random.nextInt(candidates.size()));
        String id = account.getString("id");
        String phone = String.format(Locale.ROOT, "0470 %06d", ++sequence);
        sim.update(
                "account",
                id,
                Json.createObjectBuilder().add("telephone1", phone).build());
        synchronized (edited) {
            edited.put(id, new Edit(RescoReconciler.text(account, "accountnumber"), phone));
        }
        edits.incrementAndGet();
    }

    /**
     * Compares each edited account's ERP customer with the last phone number written, and counts
     * the {@code MOBILE_CHANGE} lines the ERP booked: for these accounts ({@code
     * <id>@<versionnumber>}), the same version more than once, and for any other record.
     */
    public Summary check(ErpClient erp) throws IOException, InterruptedException {
        Map<String, Edit> snapshot;
        synchronized (edited) {
            snapshot = new LinkedHashMap<>(edited);
        }
        Map<String, String> phoneByKey = new HashMap<>();
        for (JsonValue v : erp.list("customer")) {
            JsonObject customer = v.asJsonObject();
            phoneByKey.put(customer.getString("key"), ErpClient.text(customer, "phone"));
        }
        List<String> lost = new ArrayList<>();
        snapshot.forEach((id, edit) -> {
            String got = phoneByKey.get(edit.erpKey());
            if (!edit.phone().equals(got)) {
                String onResco = sim.record("account", id)
                        .map(a -> RescoReconciler.text(a, "telephone1"))
                        .orElse("(gone)");
                lost.add("account " + id + " (ERP customer " + edit.erpKey() + "): the mobile user last wrote '"
                        + edit.phone() + "', the ERP has " + (got == null ? "no such customer" : "'" + got + "'")
                        + ", Resco has '" + onResco + "'");
            }
        });
        Map<String, Integer> bookings = new HashMap<>();
        long applied = 0;
        long other = 0;
        for (JsonValue v : erp.inboundLines()) {
            JsonObject line = v.asJsonObject();
            if (!"MOBILE_CHANGE".equals(line.getString("kind"))) {
                continue;
            }
            String approval = line.getString("approvalId");
            int at = approval.indexOf('@');
            if (at > 0 && snapshot.containsKey(approval.substring(0, at))) {
                applied++;
                bookings.merge(approval, 1, Integer::sum);
            } else {
                other++;
            }
        }
        long duplicates = bookings.values().stream().mapToLong(n -> n - 1).sum();
        return new Summary(edits.get(), snapshot.size(), applied, duplicates, other, lost);
    }
}
