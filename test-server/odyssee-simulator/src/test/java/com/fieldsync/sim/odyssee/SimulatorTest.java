package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.obj;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class on a random port, emptied, back on the system clock and on the default PDF delay
 * before each test; plus seeding helpers for the rows a technician needs.
 */
abstract class SimulatorTest {
    static OdysseeSimulator sim;
    static TestClient client;

    @BeforeAll
    static void start() {
        sim = OdysseeSimulator.start("127.0.0.1", 0);
        client = new TestClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.clock().useSystemTime();
        sim.pdfDelay(Duration.ofSeconds(5));
    }

    static String user(String code) {
        return sim.put("User", obj("code", code, "username", code.toLowerCase()))
                .getString("id");
    }

    static String article(String code) {
        return sim.put("Article", obj("code", code, "description", "article " + code))
                .getString("id");
    }

    /** A job in this status (any case; the all-zero GUID for none). */
    static String job(String statusId) {
        return sim.put(
                        "Jobs",
                        obj("reference_back_office", "WO-" + statusId.substring(0, 4), "job_status_id", statusId))
                .getString("id");
    }
}
