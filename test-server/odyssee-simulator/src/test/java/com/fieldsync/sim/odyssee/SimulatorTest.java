package com.fieldsync.sim.odyssee;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class on a random port, emptied and back on the system clock before each test. */
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
    }
}
