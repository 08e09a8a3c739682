package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.enc;
import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Server paging: pages of at most the page size, an opaque @odata.nextLink followed verbatim. */
class PagingTest extends SimulatorTest {
    private static final Pattern SKIPTOKEN = Pattern.compile("[?&]\\$skiptoken=([^&]+)");

    @Test
    void twoThousandFiveHundredRecordsSharingOneModifiedonArriveExactlyOnceOverPagesOf1000() {
        Instant frozen = Instant.parse("2024-03-01T08:00:00Z");
        sim.clock().set(frozen);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 2500; i++) {
            created.add(account("Account " + i));
        }
        assertEquals(
                1,
                sim.records("account").stream()
                        .map(r -> r.getString("modifiedon"))
                        .distinct()
                        .count());
        assertEquals(
                "2024-03-01T08:00:00.0000000Z", sim.records("account").get(0).getString("modifiedon"));

        List<Integer> pageSizes = new ArrayList<>();
        List<JsonObject> read = client.getAll(
                "account?$orderby=" + enc("modifiedon asc,id asc") + "&$filter="
                        + enc("modifiedon ge 2024-03-01T08:00:00Z"),
                pageSizes);

        assertEquals(List.of(1000, 1000, 500), pageSizes);
        List<String> ids = read.stream().map(r -> r.getString("id")).toList();
        assertEquals(2500, ids.size());
        assertEquals(created, new HashSet<>(ids));
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
    }

    @Test
    void theNextLinkIsAbsoluteRepeatsTheOptionsAndCarriesAnOpaqueSkiptoken() {
        sim.pageSize(2);
        for (int i = 0; i < 5; i++) {
            account("A" + i);
        }

        TestClient.Reply first = client.get("account?$select=name&$filter=" + enc("name ne 'zzz'"));
        String next = first.json().getString("@odata.nextLink");

        assertTrue(next.startsWith(sim.baseUrl() + "account?"), next);
        assertTrue(next.contains("$select=name"), next);
        assertTrue(next.contains("$filter=name%20ne%20%27zzz%27"), next);
        Matcher token = SKIPTOKEN.matcher(next);
        assertTrue(token.find(), next);
        assertFalse(token.group(1).matches("\\d+"), "a bare offset invites clients to compute tokens: " + next);
        assertEquals(2, first.value().size());
        assertEquals(
                Set.of("@odata.etag", "id", "name"),
                first.value().getJsonObject(0).keySet());
    }

    @Test
    void thePageSizeIsConfigurableAndTopStillCapsTheWholeResult() {
        sim.pageSize(50);
        for (int i = 0; i < 120; i++) {
            sim.put("product", obj("name", "P" + i));
        }

        List<Integer> all = new ArrayList<>();
        client.getAll("product", all);
        List<Integer> capped = new ArrayList<>();
        List<JsonObject> top = client.getAll("product?$top=70&$skip=5", capped);

        assertEquals(List.of(50, 50, 20), all);
        assertEquals(List.of(50, 20), capped);
        assertEquals("P5", top.get(0).getString("name"));
        assertEquals("P74", top.get(69).getString("name"));
    }

    @Test
    void anUncutPageHasNoNextLink() {
        account("only");

        assertNull(client.get("account").json().getString("@odata.nextLink", null));
    }

    @Test
    void aForgedSkiptokenIs400() {
        account("A");

        TestClient.Reply reply = client.get("account?$skiptoken=1000");

        assertEquals(400, reply.status());
        assertTrue(reply.message().contains("$skiptoken"), reply.message());
    }
}
