package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.obj;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class on a random port, emptied, back on the system clock, the default page size and no
 * auth before each test; plus seeding helpers.
 */
abstract class SimulatorTest {
    static final String ORG = "acme";

    static RescoSimulator sim;
    static TestClient client;

    @BeforeAll
    static void start() {
        sim = RescoSimulator.start("127.0.0.1", 0, ORG);
        client = new TestClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.clock().useSystemTime();
        sim.pageSize(RescoSimulator.MAX_PAGE_SIZE);
        sim.requireBasicAuth(null, null);
    }

    static String account(String name) {
        return sim.put("account", obj("name", name)).getString("id");
    }

    static String contact(String lastname, String accountId) {
        return sim.put("contact", obj("lastname", lastname, "__parentcustomerid_id", accountId))
                .getString("id");
    }
}
