package com.fieldsync.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the demo ERP at a fixed rate with a realistic mix: new customers, projects that refer to
 * customers created a moment earlier, articles, technicians, edits of synced fields, edits of a
 * field FieldSync does not sync, and bursts of quick edits of one record. Each thread owns its own
 * records, so one record's saves are sequential, as they are in an ERP.
 */
public final class LoadGenerator {

    private final ErpClient erp;
    private final int threads;
    private final double ratePerSecond;
    private final String keyPrefix;
    private final ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
    public final AtomicLong failures = new AtomicLong();
    private volatile boolean stop;

    public LoadGenerator(ErpClient erp, int threads, double ratePerSecond) {
        this(erp, threads, ratePerSecond, "");
    }

    /**
     * @param keyPrefix prefixed to every record key, so that runs against one ERP create new records
     *     (a repeated key with equal fields would rightly cost no call, and no latency to measure)
     */
    public LoadGenerator(ErpClient erp, int threads, double ratePerSecond, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        this.erp = erp;
        this.threads = threads;
        this.ratePerSecond = ratePerSecond;
    }

    /** Saves that committed, in commit order per thread. */
    public List<Change> changes() {
        return new ArrayList<>(changes);
    }

    public void stop() {
        stop = true;
    }

    /** Runs until {@link #stop()} or the deadline; returns when every thread has finished. */
    public void run(long deadlineNanos) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread t = new Thread(() -> work(id, deadlineNanos), "demo-load-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private void work(int id, long deadlineNanos) {
        Random random = new Random(42 + id);
        Map<RecordKind, List<String>> mine = new HashMap<>();
        Map<String, Integer> markers = new HashMap<>();
        int[] sequence = {0};
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) * threads / ratePerSecond);
        long next = System.nanoTime();
        try {
            // Every thread starts with the admin objects the others refer to.
            create(RecordKind.PROJECT_TYPE, id, sequence, mine, markers);
            create(RecordKind.ARTICLE_CATEGORY, id, sequence, mine, markers);
            while (!stop && System.nanoTime() < deadlineNanos) {
                int roll = random.nextInt(100);
                if (roll < 25
                        || mine.getOrDefault(RecordKind.CUSTOMER, List.of()).isEmpty()) {
                    create(RecordKind.CUSTOMER, id, sequence, mine, markers);
                } else if (roll < 40) {
                    create(RecordKind.PROJECT, id, sequence, mine, markers);
                } else if (roll < 50) {
                    create(RecordKind.ARTICLE, id, sequence, mine, markers);
                } else if (roll < 55) {
                    create(RecordKind.USER, id, sequence, mine, markers);
                } else if (roll < 85) {
                    RecordKind kind = pick(random, mine);
                    String key =
                            mine.get(kind).get(random.nextInt(mine.get(kind).size()));
                    edit(kind, key, markers, mine, random);
                } else if (roll < 95) {
                    List<String> customers = mine.get(RecordKind.CUSTOMER);
                    String key = customers.get(random.nextInt(customers.size()));
                    long start = System.nanoTime();
                    erp.save("customer", key, Map.of("creditLimit", Integer.toString(random.nextInt(100_000))));
                    changes.add(new Change("customer", key, 0, start));
                } else {
                    List<String> customers = mine.get(RecordKind.CUSTOMER);
                    String key = customers.get(random.nextInt(customers.size()));
                    for (int i = 0; i < 10; i++) {
                        edit(RecordKind.CUSTOMER, key, markers, mine, random);
                    }
                }
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
                    next = System.nanoTime(); // fell behind: don't burst to catch up
                }
            }
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("demo load thread " + id + " stopped: " + e);
        }
    }

    private static RecordKind pick(Random random, Map<RecordKind, List<String>> mine) {
        List<RecordKind> present = new ArrayList<>();
        for (RecordKind k : RecordKind.values()) {
            if (!mine.getOrDefault(k, List.of()).isEmpty()) {
                present.add(k);
            }
        }
        Collections.shuffle(present, random);
        return present.get(0);
    }

    private void create(
            RecordKind kind,
            int thread,
            int[] sequence,
            Map<RecordKind, List<String>> mine,
            Map<String, Integer> markers)
            throws Exception {
        String key = keyPrefix + kind.name().charAt(0) + thread + "-" + (++sequence[0]);
        if (kind == RecordKind.PROJECT_TYPE || kind == RecordKind.ARTICLE_CATEGORY) {
            key = keyPrefix + (kind == RecordKind.PROJECT_TYPE ? "T" : "G") + thread + "-" + sequence[0];
        }
        Map<String, String> values = new HashMap<>();
        if (kind == RecordKind.CUSTOMER) {
            values.put("city", "Gent");
            values.put("country", "BE");
        }
        if (kind == RecordKind.USER) {
            values.put("username", "tech" + key.toLowerCase());
            values.put("firstname", "Tech");
        }
        if (kind == RecordKind.ARTICLE) {
            values.put("price", "12.50");
        }
        RecordKind target = kind.referenced();
        if (target != null) {
            List<String> candidates = mine.get(target);
            values.put(kind.referenceField, candidates.get(candidates.size() - 1));
        }
        if (kind == RecordKind.PROJECT) {
            values.put("projectType", mine.get(RecordKind.PROJECT_TYPE).get(0));
        }
        markers.put(key, 1);
        values.put(kind.markedField, label(kind, key, 1));
        long start = System.nanoTime();
        erp.save(kind.path, key, values);
        changes.add(new Change(kind.path, key, 1, start));
        mine.computeIfAbsent(kind, k -> new ArrayList<>()).add(key);
    }

    private void edit(
            RecordKind kind,
            String key,
            Map<String, Integer> markers,
            Map<RecordKind, List<String>> mine,
            Random random)
            throws Exception {
        int marker = markers.merge(key, 1, Integer::sum);
        Map<String, String> values = new HashMap<>();
        values.put(kind.markedField, label(kind, key, marker));
        if (kind == RecordKind.CUSTOMER && random.nextInt(4) == 0) {
            values.put("city", random.nextBoolean() ? "Antwerpen" : "Brugge");
        }
        long start = System.nanoTime();
        erp.save(kind.path, key, values);
        changes.add(new Change(kind.path, key, marker, start));
    }

    static String label(RecordKind kind, String key, int marker) {
        return kind.name().toLowerCase() + " " + key + " #" + marker;
    }

    /** The revision marker in a marked field's value, or 0. */
    public static int marker(String value) {
        int hash = value == null ? -1 : value.lastIndexOf('#');
        if (hash < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(value.substring(hash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
