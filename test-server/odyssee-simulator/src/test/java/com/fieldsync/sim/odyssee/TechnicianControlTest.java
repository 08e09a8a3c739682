package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Guids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The /_sim/ control endpoints for technicians and the PDF delay, as the standalone demo uses them. */
class TechnicianControlTest extends SimulatorTest {

    @Test
    void completeOverHttpAnswersTheApprovalAndWritesTheUsages() {
        String tech = user("T1");
        String bolt = article("B");
        String job = job(Technicians.OPEN);
        JsonObject body = Json.createObjectBuilder()
                .add("jobId", job)
                .add("userId", tech)
                .add("parts", Json.createArrayBuilder().add(obj("articleId", bolt, "quantity", 1.5)))
                .add("time", Json.createArrayBuilder().add(obj("userId", tech, "hours", 2.0)))
                .build();

        TestClient.Reply reply = client.post("_sim/technicians/complete", body);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(job, reply.json().getString("jobs_id"));
        assertEquals(reply.json(), sim.records("JobApproval").get(0));
        assertEquals(
                Guids.normalize(Technicians.COMPLETED),
                sim.record("Jobs", job).orElseThrow().getString("job_status_id"));
        JsonObject part = sim.records("JobPartUsage").get(0);
        assertEquals(bolt, part.getString("article_id"));
        assertEquals(new BigDecimal("1.5"), part.getJsonNumber("quantity").bigDecimalValue());
        assertEquals(
                new BigDecimal("2.0"),
                sim.records("JobNonPartUsage").get(0).getJsonNumber("duration").bigDecimalValue());
    }

    @Test
    void aRefusedOrMalformedCompletionIs400WithAMessage() {
        String tech = user("T1");
        String job = job(Technicians.COMPLETED);

        TestClient.Reply finalStatus = client.post("_sim/technicians/complete", obj("jobId", job, "userId", tech));
        TestClient.Reply noJob = client.post("_sim/technicians/complete", obj("userId", tech));
        TestClient.Reply unknownJob =
                client.post("_sim/technicians/complete", obj("jobId", Guids.random(), "userId", tech));

        assertEquals(400, finalStatus.status());
        assertTrue(finalStatus.message().contains("final"), finalStatus.message());
        assertEquals(400, noJob.status());
        assertTrue(noJob.message().contains("jobId"), noJob.message());
        assertEquals(400, unknownJob.status());
        assertEquals(List.of(), sim.records("JobApproval"));
    }

    @Test
    void moveOverHttpSetsAnyStatus() {
        String job = job(Technicians.COMPLETED);

        TestClient.Reply reply = client.post("_sim/technicians/move", obj("jobId", job, "statusId", Technicians.OPEN));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(Guids.normalize(Technicians.OPEN), reply.json().getString("job_status_id"));
        assertEquals(reply.json(), sim.record("Jobs", job).orElseThrow());
        assertEquals(
                400,
                client.post("_sim/technicians/move", obj("jobId", job, "statusId", "nope"))
                        .status());
    }

    @Test
    void pdfDelayOverHttpSetsTheDelayAndShowsWhatIsPending() {
        client.post("_sim/clock", obj("set", "2024-06-01T12:00:00Z"));

        TestClient.Reply set = client.post("_sim/pdf-delay", obj("millis", 60000));
        client.post("_sim/technicians/complete", obj("jobId", job(Technicians.IN_PROGRESS), "userId", user("T1")));
        TestClient.Reply pending = client.get("_sim/pdf-delay");
        client.post("_sim/clock", obj("advanceMillis", 60000));
        TestClient.Reply files = client.get("_sim/records/DbFile");

        assertEquals(200, set.status());
        assertEquals(60000, set.json().getInt("millis"));
        assertEquals(Duration.ofMinutes(1), sim.pdfDelay());
        assertEquals(1, pending.json().getInt("pending"));
        assertTrue(files.body().contains("\"file_type_name\":\"JOB_APPROVAL\""), files.body());
        assertEquals(0, client.get("_sim/pdf-delay").json().getInt("pending"));
        assertEquals(400, client.post("_sim/pdf-delay", obj("millis", -1)).status());
        assertEquals(400, client.post("_sim/pdf-delay", obj()).status());
    }
}
