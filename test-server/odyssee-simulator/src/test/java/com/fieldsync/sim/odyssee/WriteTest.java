package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Guids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST, PUT and GET one, and what the server refuses. */
class WriteTest extends SimulatorTest {

    @Test
    void postAnswers201WithTheStoredRowIncludingIdAndStamp() {
        TestClient.Reply reply = client.post("api/Company", obj("code", "C1", "name", "Acme"));

        assertEquals(201, reply.status());
        JsonObject row = reply.json();
        assertTrue(Guids.isGuid(row.getString("id")));
        assertTrue(row.getString("modified_dateutc").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("Acme", row.getString("name"));
        assertEquals(row, sim.record("Company", row.getString("id")).orElseThrow());
    }

    @Test
    void preferReturnMinimalAnswersOnlyTheId() {
        TestClient.Reply reply =
                client.post("api/Company", obj("code", "C1", "name", "Acme"), "Prefer", "return=minimal");

        assertEquals(201, reply.status());
        assertEquals(1, reply.json().size());
        assertTrue(sim.record("Company", reply.json().getString("id")).isPresent());
    }

    @Test
    void aClientSuppliedIdIsKeptAndItsReuseIs409() {
        String id = UUID.randomUUID().toString();

        TestClient.Reply first = client.post("api/Company", obj("id", id, "code", "C1", "name", "Acme"));
        TestClient.Reply again = client.post("api/Company", obj("id", id, "code", "C2", "name", "Other"));

        assertEquals(201, first.status());
        assertEquals(id, first.json().getString("id"));
        assertEquals(409, again.status());
        assertTrue(again.message().contains(id), again.message());
        assertEquals(1, sim.records("Company").size());
    }

    @Test
    void missingFieldsAreFilledWithTheirDefaults() {
        String jobs = sim.put("Jobs", obj()).getString("id");

        JsonObject usage = client.post("api/JobPartUsage", obj("jobs_id", jobs)).json();
        JsonObject job = client.get("api/Jobs/" + jobs).json();

        assertEquals("00000000-0000-0000-0000-000000000000", usage.getString("article_id"));
        assertEquals(BigDecimal.ZERO, usage.getJsonNumber("quantity").bigDecimalValue());
        assertEquals("", job.getString("reference_back_office"));
        assertEquals("00000000-0000-0000-0000-000000000000", job.getString("job_status_id"));
        JsonObject approval = sim.put("JobApproval", obj("jobs_id", jobs));
        assertFalse(approval.getBoolean("is_daily_approval"));
    }

    @Test
    void getOneAnswersTheRowAndAnUnknownIdIs404() {
        String id = sim.put("User", obj("code", "U1", "username", "jdoe")).getString("id");

        assertEquals("jdoe", client.get("api/User/" + id).json().getString("username"));
        assertEquals(404, client.get("api/User/" + UUID.randomUUID()).status());
        assertEquals(404, client.get("api/User/not-a-guid").status());
    }

    @Test
    void putReplacesTheSuppliedFieldsAndKeepsTheOthers() {
        JsonObject stored = sim.put("Company", obj("code", "C1", "name", "Acme", "city", "Gent"));
        String id = stored.getString("id");

        TestClient.Reply reply = client.put("api/Company/" + id, obj("name", "Acme NV", "id", id));

        assertEquals(200, reply.status());
        assertEquals("Acme NV", reply.json().getString("name"));
        assertEquals("Gent", reply.json().getString("city"));
        assertEquals(reply.json(), sim.record("Company", id).orElseThrow());
    }

    @Test
    void putOfAnUnknownIdIs404() {
        assertEquals(
                404,
                client.put("api/Company/" + UUID.randomUUID(), obj("name", "x")).status());
    }

    @Test
    void putWithABodyIdOtherThanThePathsIs400() {
        String id = sim.put("Company", obj("code", "C1", "name", "Acme")).getString("id");

        TestClient.Reply reply =
                client.put("api/Company/" + id, obj("id", UUID.randomUUID().toString()));

        assertEquals(400, reply.status());
    }

    @Test
    void aNullValueIs400() {
        TestClient.Reply reply = client.post("api/Company", obj("code", "C1", "name", "Acme", "vat", null));

        assertEquals(400, reply.status());
        assertTrue(reply.message().contains("vat"), reply.message());
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        TestClient.Reply reply = client.post("api/Company", obj("code", "C1", "name", "Acme", "colour", "red"));

        assertEquals(400, reply.status());
        assertTrue(reply.message().contains("colour"), reply.message());
    }

    @Test
    void aValueOfTheWrongJsonTypeIs400() {
        assertEquals(
                400, client.post("api/Company", obj("code", 5, "name", "Acme")).status());
        assertEquals(
                400,
                client.post("api/Article", obj("code", "A", "description", "d", "price", "5"))
                        .status());
    }

    @Test
    void malformedJsonIs400() {
        assertEquals(400, client.post("api/Company", "{\"code\": ").status());
        assertEquals(400, client.post("api/Company", "[]").status());
    }

    @Test
    void aMissingOrEmptyRequiredFieldIs400() {
        assertEquals(400, client.post("api/Company", obj("code", "C1")).status());
        assertEquals(
                400, client.post("api/User", obj("code", "", "username", "x")).status());
        assertEquals(0, sim.records("User").size());
    }

    @Test
    void aForeignKeyToNoRowIs422AndTheZeroGuidIsAllowedWhereOptional() {
        String company = sim.put("Company", obj("code", "C1", "name", "Acme")).getString("id");

        TestClient.Reply unknown = client.post(
                "api/Project", obj("code", "P1", "company_id", UUID.randomUUID().toString()));
        TestClient.Reply noType = client.post("api/Project", obj("code", "P1", "company_id", company));
        TestClient.Reply noCompany = client.post("api/Project", obj("code", "P2", "company_id", Guids.ZERO));

        assertEquals(422, unknown.status());
        assertTrue(unknown.message().contains("company_id"), unknown.message());
        assertEquals(201, noType.status());
        assertEquals(400, noCompany.status());
    }

    @Test
    void aDuplicateCodeIs422ButEmptyCompanyCodesMayRepeat() {
        client.post("api/User", obj("code", "U1", "username", "a"));

        TestClient.Reply duplicate = client.post("api/User", obj("code", "U1", "username", "b"));
        TestClient.Reply bornOnMobile = client.post("api/Company", obj("code", "", "name", "a"));
        TestClient.Reply alsoBornOnMobile = client.post("api/Company", obj("name", "b"));

        assertEquals(422, duplicate.status());
        assertTrue(duplicate.message().contains("U1"), duplicate.message());
        assertEquals(201, bornOnMobile.status());
        assertEquals(201, alsoBornOnMobile.status());
    }

    @Test
    void aPutThatWouldDuplicateACodeIs422() {
        sim.put("User", obj("code", "U1", "username", "a"));
        String second = sim.put("User", obj("code", "U2", "username", "b")).getString("id");

        assertEquals(422, client.put("api/User/" + second, obj("code", "U1")).status());
        assertEquals(200, client.put("api/User/" + second, obj("code", "U2")).status());
    }

    @Test
    void eightThreadsCreatingOneCodeAtOnceMakeExactlyOneRow() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String user = "user" + i;
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client.post("api/User", obj("code", "SAME", "username", user))
                            .status();
                }));
            }
            go.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertEquals(1, answered.stream().filter(s -> s == 201).count(), answered.toString());
            assertEquals(7, answered.stream().filter(s -> s == 422).count(), answered.toString());
            assertEquals(1, sim.records("User").size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientCannotSetTheStampItIsIgnored() {
        JsonObject row = client.post(
                        "api/Company",
                        obj("code", "C1", "name", "Acme", "modified_dateutc", "2000-01-01T00:00:00.000Z"))
                .json();

        assertFalse(row.getString("modified_dateutc").startsWith("2000"));
    }

    @Test
    void anUnknownControllerIs404AndAnUnsupportedMethodIs405() {
        assertEquals(404, client.get("api/Nope").status());
        TestClient.Reply delete = client.method("DELETE", "api/Company/" + UUID.randomUUID());
        assertEquals(405, delete.status());
        assertEquals("GET, PUT", delete.header("Allow"));
    }

    @Test
    void errorsCarryAJsonMessage() {
        TestClient.Reply reply =
                client.post("api/Company", Json.createObjectBuilder().build());

        assertEquals(400, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        assertTrue(reply.message().contains("name"), reply.message());
    }
}
