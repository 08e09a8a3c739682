package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.enc;
import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListingTest extends SimulatorTest {

    @Test
    void fortyFiveRowsSharingOneStampComeInThreePagesThroughNextLinkWithNoneLostOrRepeated() {
        sim.clock().set(Instant.parse("2024-03-01T10:00:00Z"));
        for (int i = 0; i < 45; i++) {
            sim.put("Company", obj("code", "C" + i, "name", "Company " + i, "city", "Gent"));
            sim.put("Company", obj("code", "X" + i, "name", "Other " + i, "city", "Brugge"));
        }
        List<Integer> pageSizes = new ArrayList<>();
        String filter = enc("modified_dateutc ge '2024-03-01T10:00:00.000Z' and city eq 'Gent'");

        List<JsonObject> rows =
                client.getAll("api/Company?$filter=" + filter + "&$orderby=modified_dateutc+asc", pageSizes);

        assertEquals(List.of(20, 20, 5), pageSizes);
        Set<String> codes = rows.stream().map(row -> row.getString("code")).collect(Collectors.toSet());
        assertEquals(45, codes.size());
        assertTrue(codes.stream().allMatch(code -> code.startsWith("C")));
        assertTrue(
                rows.stream().allMatch(row -> row.getString("modified_dateutc").equals("2024-03-01T10:00:00.000Z")));
    }

    @Test
    void nextLinkIsAbsoluteAndAbsentOnTheLastPage() {
        seedCompanies(21);

        TestClient.Reply first = client.get("api/Company");
        String next = first.json().getString("@odata.nextLink");
        TestClient.Reply last = client.get(next);

        assertTrue(next.startsWith(sim.baseUrl() + "api/Company?"), next);
        assertEquals(20, first.value().size());
        assertEquals(1, last.value().size());
        assertFalse(last.json().containsKey("@odata.nextLink"));
    }

    @Test
    void topSmallerThanAPageReturnsOnlyThatManyAndNoNextLink() {
        seedCompanies(30);

        TestClient.Reply reply = client.get("api/Company?$top=5");

        assertEquals(5, reply.value().size());
        assertFalse(reply.json().containsKey("@odata.nextLink"));
    }

    @Test
    void topLargerThanAPageCapsTheTotalAcrossPages() {
        seedCompanies(45);
        List<Integer> pageSizes = new ArrayList<>();

        client.getAll("api/Company?$top=30", pageSizes);

        assertEquals(List.of(20, 10), pageSizes);
    }

    @Test
    void skipStartsAfterThatManyRows() {
        seedCompanies(45);

        TestClient.Reply reply = client.get("api/Company?$skip=40");

        assertEquals(List.of("C40", "C41", "C42", "C43", "C44"), codes(reply));
    }

    @Test
    void selectReturnsOnlyTheNamedFields() {
        seedCompanies(1);

        JsonObject row = client.get("api/Company?$select=name,code").value().getJsonObject(0);

        assertEquals(Set.of("name", "code"), row.keySet());
    }

    @Test
    void selectOfAnUnknownFieldIs400NamingIt() {
        TestClient.Reply reply = client.get("api/Company?$select=code,nope");

        assertEquals(400, reply.status());
        assertTrue(reply.message().contains("nope"), reply.message());
    }

    @Test
    void orderBySortsOnSeveralKeysAscendingByDefaultAndDescendingWhenAsked() {
        sim.put("Company", obj("code", "1", "name", "b", "city", "Gent"));
        sim.put("Company", obj("code", "2", "name", "a", "city", "Antwerpen"));
        sim.put("Company", obj("code", "3", "name", "a", "city", "Gent"));
        sim.put("Company", obj("code", "4", "name", "c", "city", "Antwerpen"));

        TestClient.Reply reply = client.get("api/Company?$orderby=" + enc("city,name desc"));

        assertEquals(List.of("4", "2", "1", "3"), codes(reply));
        assertEquals(
                List.of("1", "3", "2", "4"), codes(client.get("api/Company?$orderby=" + enc("city desc,code asc"))));
    }

    @Test
    void queryOptionsReadPlusAndPercentTwentyBothAsSpaces() {
        sim.put("Company", obj("code", "A", "name", "Big Corp"));

        TestClient.Reply plus = client.get("api/Company?$filter=name+eq+'Big+Corp'");
        TestClient.Reply percent = client.get("api/Company?$filter=name%20eq%20%27Big%20Corp%27");

        assertEquals(List.of("A"), codes(plus));
        assertEquals(List.of("A"), codes(percent));
    }

    @Test
    void anUnknownQueryOptionIs400() {
        assertEquals(400, client.get("api/Company?$expand=x").status());
    }

    @Test
    void aBadTopIs400() {
        assertEquals(400, client.get("api/Company?$top=-1").status());
    }

    @Test
    void anEmptyControllerListsNoRows() {
        TestClient.Reply reply = client.get("api/Company");

        assertEquals(200, reply.status());
        assertEquals(0, reply.value().size());
        assertNull(reply.json().get("@odata.nextLink"));
    }

    @Test
    void controllerNamesAreCaseInsensitive() {
        seedCompanies(2);

        assertEquals(2, client.get("api/company").value().size());
    }

    @Test
    void pagesOfEqualOrderKeysNeverOverlap() {
        sim.clock().set(Instant.parse("2024-03-01T10:00:00Z"));
        seedCompanies(41);
        List<Integer> pageSizes = new ArrayList<>();

        List<JsonObject> rows = client.getAll("api/Company?$orderby=modified_dateutc", pageSizes);

        Set<JsonValue> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.get("id")));
        assertEquals(41, ids.size());
    }

    private static void seedCompanies(int count) {
        for (int i = 0; i < count; i++) {
            sim.put("Company", obj("code", "C" + i, "name", "Company " + i));
        }
    }

    static List<String> codes(TestClient.Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError(reply.status() + " " + reply.body());
        }
        return reply.value().stream()
                .map(row -> row.asJsonObject().getString("code"))
                .collect(Collectors.toList());
    }
}
