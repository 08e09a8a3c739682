package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.enc;
import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Guids;
import com.fieldsync.sim.common.SimClock;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Scripted technicians: the workflow steps, the rows a completion writes, refusals, and a burst of completions. */
class TechniciansTest extends SimulatorTest {

    @Test
    void completingAnOpenJobStepsThroughTheWorkflowThenWritesUsagesAndTheApprovalInThatOrder() {
        // a store of its own, to hear every save in order
        Store store = new Store(new SimClock());
        List<JsonObject> saves = new ArrayList<>();
        List<String> controllers = new ArrayList<>();
        String tech = store.put(Controllers.require("User"), obj("code", "T1", "username", "t1"))
                .getString("id");
        String helper = store.put(Controllers.require("User"), obj("code", "T2", "username", "t2"))
                .getString("id");
        String bolt = store.put(Controllers.require("Article"), obj("code", "B", "description", "bolt"))
                .getString("id");
        String nut = store.put(Controllers.require("Article"), obj("code", "N", "description", "nut"))
                .getString("id");
        String job = store.put(Controllers.require("Jobs"), obj("job_status_id", Technicians.OPEN))
                .getString("id");
        store.listen((def, previous, row) -> {
            controllers.add(def.name());
            saves.add(row);
        });

        JsonObject approval = new Technicians(store)
                .complete(
                        job,
                        tech,
                        List.of(new Technicians.PartUse(bolt, 1.5), new Technicians.PartUse(nut, 4)),
                        List.of(new Technicians.TimeUse(tech, 2.0), new Technicians.TimeUse(helper, 0.25)));

        assertEquals(
                List.of(
                        "Jobs",
                        "Jobs",
                        "Jobs",
                        "Jobs",
                        "JobPartUsage",
                        "JobPartUsage",
                        "JobNonPartUsage",
                        "JobNonPartUsage",
                        "JobApproval"),
                controllers);
        assertEquals(
                List.of(Technicians.DISPATCHED, Technicians.PLANNED, Technicians.IN_PROGRESS, Technicians.COMPLETED)
                        .stream()
                        .map(Guids::normalize)
                        .toList(),
                saves.subList(0, 4).stream()
                        .map(row -> row.getString("job_status_id"))
                        .toList());
        assertTrue(saves.subList(0, 4).stream()
                .allMatch(row -> row.getString("user_id").equals(tech)));
        assertEquals(bolt, saves.get(4).getString("article_id"));
        assertEquals(
                new BigDecimal("1.5"), saves.get(4).getJsonNumber("quantity").bigDecimalValue());
        assertEquals(nut, saves.get(5).getString("article_id"));
        assertEquals(helper, saves.get(7).getString("user_id"));
        assertEquals(
                new BigDecimal("0.25"), saves.get(7).getJsonNumber("duration").bigDecimalValue());
        assertTrue(saves.subList(4, 9).stream()
                .allMatch(row -> row.getString("jobs_id").equals(job)));
        assertEquals(saves.get(8), approval);
        assertFalse(approval.getBoolean("is_daily_approval"));
        List<Instant> stamps = saves.stream()
                .map(row -> Instant.parse(row.getString("modified_dateutc")))
                .toList();
        for (int i = 1; i < stamps.size(); i++) {
            assertFalse(stamps.get(i).isBefore(stamps.get(i - 1)), "stamps out of order: " + stamps);
        }
    }

    @Test
    void theRowsAreStoredWithTheClocksStampAndTheApprovalIsReturned() {
        sim.clock().set(Instant.parse("2024-06-01T12:00:00Z"));
        String tech = user("T1");
        String bolt = article("B");
        String job = job(Technicians.OPEN);

        JsonObject approval = sim.technicians()
                .complete(
                        job,
                        tech,
                        List.of(new Technicians.PartUse(bolt, 3)),
                        List.of(new Technicians.TimeUse(null, 1.25)));

        JsonObject stored = sim.record("Jobs", job).orElseThrow();
        assertEquals(Guids.normalize(Technicians.COMPLETED), stored.getString("job_status_id"));
        assertEquals(tech, stored.getString("user_id"));
        assertEquals("2024-06-01T12:00:00.000Z", stored.getString("modified_dateutc"));
        assertEquals(
                approval, sim.record("JobApproval", approval.getString("id")).orElseThrow());
        assertEquals(job, approval.getString("jobs_id"));
        assertEquals("2024-06-01T12:00:00.000Z", approval.getString("modified_dateutc"));
        JsonObject time = sim.records("JobNonPartUsage").get(0);
        assertEquals(tech, time.getString("user_id"), "a time use with no user is the technician's");
        assertEquals(new BigDecimal("1.25"), time.getJsonNumber("duration").bigDecimalValue());
        assertEquals(1, sim.records("JobPartUsage").size());
    }

    @Test
    void aJobAlreadyPlannedOrInProgressOrWaitingStartsFromWhereItIs() {
        assertEquals(List.of(Technicians.IN_PROGRESS, Technicians.COMPLETED), steps(Technicians.PLANNED));
        assertEquals(
                List.of(Technicians.IN_PROGRESS, Technicians.COMPLETED), steps(Guids.normalize(Technicians.PLANNED)));
        assertEquals(List.of(Technicians.COMPLETED), steps(Technicians.IN_PROGRESS));
        assertEquals(
                List.of(
                        Technicians.OPEN,
                        Technicians.DISPATCHED,
                        Technicians.PLANNED,
                        Technicians.IN_PROGRESS,
                        Technicians.COMPLETED),
                steps(Technicians.WAITING));
    }

    @Test
    void anUnsetStatusCountsAsOpen() {
        assertEquals(steps(Technicians.OPEN), steps(Guids.ZERO));
        String tech = user("T1");
        String job = job(Guids.ZERO);

        sim.technicians().complete(job, tech, List.of(), List.of());

        JsonObject stored = sim.record("Jobs", job).orElseThrow();
        assertEquals(Guids.normalize(Technicians.COMPLETED), stored.getString("job_status_id"));
        assertEquals(tech, stored.getString("user_id"));
    }

    @Test
    void aPlannedJobKeepsItsAssignedUser() {
        String planner = user("P1");
        String tech = user("T1");
        String job = sim.put("Jobs", obj("job_status_id", Technicians.PLANNED, "user_id", planner))
                .getString("id");

        sim.technicians().complete(job, tech, List.of(), List.of());

        JsonObject stored = sim.record("Jobs", job).orElseThrow();
        assertEquals(planner, stored.getString("user_id"));
        assertEquals(Guids.normalize(Technicians.COMPLETED), stored.getString("job_status_id"));
    }

    @Test
    void finalWorkshopAndUnknownStatusesAreRefusedAndNothingIsWritten() {
        String tech = user("T1");
        for (String status : List.of(
                Technicians.COMPLETED,
                Guids.normalize(Technicians.CANCELED),
                Technicians.WORKSHOP_COMPLETED,
                "E2BC66AF-BD10-4035-8AA1-7AD88CB35723", // Workshop
                "12345678-1234-1234-1234-123456789abc")) {
            String job = job(status);
            JsonObject before = sim.record("Jobs", job).orElseThrow();

            IllegalStateException refused = assertThrows(
                    IllegalStateException.class, () -> sim.technicians().complete(job, tech, List.of(), List.of()));

            assertTrue(refused.getMessage().contains(Guids.normalize(status)), refused.getMessage());
            assertEquals(before, sim.record("Jobs", job).orElseThrow());
        }
        assertEquals(List.of(), sim.records("JobApproval"));
        assertEquals(0, sim.pendingPdfs());
    }

    @Test
    void anUnknownJobUserOrArticleIsRefusedBeforeTheJobMoves() {
        String tech = user("T1");
        String job = job(Technicians.OPEN);
        JsonObject before = sim.record("Jobs", job).orElseThrow();
        List<Technicians.PartUse> unknownArticle = List.of(new Technicians.PartUse(Guids.random(), 1));

        assertThrows(IllegalArgumentException.class, () -> sim.technicians()
                .complete(Guids.random(), tech, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> sim.technicians()
                .complete(job, Guids.random(), List.of(), List.of()));
        assertThrows(
                IllegalArgumentException.class, () -> sim.technicians().complete(job, tech, unknownArticle, List.of()));

        assertEquals(before, sim.record("Jobs", job).orElseThrow());
        assertEquals(List.of(), sim.records("JobPartUsage"));
    }

    @Test
    void moveSetsAnyStatusEvenAnIllegalOneInOneStampedUpdate() {
        sim.clock().set(Instant.parse("2024-06-01T12:00:00Z"));
        String tech = user("T1");
        String job = job(Technicians.OPEN);
        sim.technicians().complete(job, tech, List.of(), List.of());
        sim.clock().advance(Duration.ofMinutes(1));

        JsonObject reopened = sim.technicians().move(job, Technicians.IN_PROGRESS);
        JsonObject again = sim.technicians().complete(job, tech, List.of(), List.of());

        assertEquals(Guids.normalize(Technicians.IN_PROGRESS), reopened.getString("job_status_id"));
        assertEquals("2024-06-01T12:01:00.000Z", reopened.getString("modified_dateutc"));
        assertEquals(2, sim.records("JobApproval").size());
        assertEquals(job, again.getString("jobs_id"));
        assertThrows(IllegalArgumentException.class, () -> sim.technicians().move(job, "not-a-guid"));
        assertThrows(IllegalArgumentException.class, () -> sim.technicians().move(Guids.random(), Technicians.OPEN));
    }

    @Test
    void aBurstOf45CompletionsWithTheClockStoppedSharesOneStampAndPagesInThreeWithoutLoss() throws Exception {
        sim.clock().set(Instant.parse("2024-06-01T12:00:00Z"));
        String tech = user("T1");
        String bolt = article("B");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            jobs.add(job(Technicians.OPEN));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonObject>> completions = new ArrayList<>();
        try {
            for (String job : jobs) {
                completions.add(pool.submit(() -> sim.technicians()
                        .complete(
                                job,
                                tech,
                                List.of(new Technicians.PartUse(bolt, 1)),
                                List.of(new Technicians.TimeUse(tech, 1)))));
            }
            for (Future<JsonObject> completion : completions) {
                completion.get();
            }
        } finally {
            pool.shutdownNow();
        }
        sim.put("JobApproval", obj("jobs_id", jobs.get(0), "is_daily_approval", true));
        List<Integer> pageSizes = new ArrayList<>();

        List<JsonObject> approvals = client.getAll(
                "api/JobApproval?$filter=" + enc("is_daily_approval eq false") + "&$orderby="
                        + enc("modified_dateutc asc"),
                pageSizes);

        assertEquals(List.of(20, 20, 5), pageSizes);
        assertEquals(
                Set.copyOf(jobs),
                approvals.stream().map(row -> row.getString("jobs_id")).collect(Collectors.toSet()));
        assertEquals(
                45,
                approvals.stream().map(row -> row.getString("id")).distinct().count());
        assertTrue(approvals.stream()
                .allMatch(row -> row.getString("modified_dateutc").equals("2024-06-01T12:00:00.000Z")));
        assertTrue(sim.records("Jobs").stream()
                .allMatch(row -> row.getString("job_status_id").equals(Guids.normalize(Technicians.COMPLETED))));
        assertEquals(45, sim.records("JobPartUsage").size());
        assertEquals(45, sim.pendingPdfs());
    }

    private static List<String> steps(String status) {
        return Technicians.stepsToCompleted(status);
    }
}
