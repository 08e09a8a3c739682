package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.enc;
import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** $select, $expand, $orderby, $top, $skip, $count, single-record reads and the option errors. */
class QueryTest extends SimulatorTest {

    @Test
    void selectReturnsTheChosenAttributesPlusIdAndEtag() {
        String id = sim.put("account", obj("name", "Acme", "telephone1", "555", "vatid", "BE1"))
                .getString("id");

        JsonObject record =
                client.get("account?$select=" + enc("name,telephone1")).value().getJsonObject(0);

        assertEquals(Set.of("@odata.etag", "id", "name", "telephone1"), record.keySet());
        assertEquals(id, record.getString("id"));
        assertEquals("Acme", record.getString("name"));
        assertEquals(sim.record("account", id).orElseThrow().getString("@odata.etag"), record.getString("@odata.etag"));
    }

    @Test
    void withoutSelectEveryAttributeIsThereUnsetOnesAsNull() {
        sim.put("account", obj("name", "Acme"));

        JsonObject record = client.get("account").value().getJsonObject(0);

        assertEquals(JsonValue.NULL, record.get("vatid"));
        assertEquals(JsonValue.NULL, record.get("revenue"));
        assertTrue(record.containsKey("versionnumber"));
        assertTrue(record.containsKey("createdon"));
    }

    @Test
    void expandNestsTheRecordALookupNamesUnderTheLookupsName() {
        String acme = account("Acme");
        contact("Smith", acme);
        sim.put("contact", obj("lastname", "Loner"));

        TestClient.Reply reply = client.get("contact?$select=lastname&$expand=parentcustomerid&$orderby=lastname");

        assertEquals(200, reply.status(), reply.body());
        JsonObject loner = reply.value().getJsonObject(0);
        JsonObject smith = reply.value().getJsonObject(1);
        assertEquals(JsonValue.NULL, loner.get("parentcustomerid"));
        JsonObject parent = smith.getJsonObject("parentcustomerid");
        assertEquals(acme, parent.getString("id"));
        assertEquals("Acme", parent.getString("name"));
        assertTrue(parent.containsKey("@odata.etag"));
    }

    @Test
    void expandWorksOnASingleRecordAndRefusesWhatIsNotALookup() {
        String acme = account("Acme");
        String smith = contact("Smith", acme);

        JsonObject record =
                client.get("contact(" + smith + ")?$expand=parentcustomerid").json();
        assertEquals("Acme", record.getJsonObject("parentcustomerid").getString("name"));
        assertEquals(acme, record.getString("__parentcustomerid_id"));

        assertEquals(400, client.get("contact?$expand=lastname").status());
        assertEquals(400, client.get("contact?$expand=__parentcustomerid_id").status());
        assertEquals(
                400,
                client.get("contact?$expand=" + enc("parentcustomerid($select=name)"))
                        .status());
    }

    @Test
    void orderbyTakesSeveralKeysEachAscOrDescAndIsStable() {
        sim.put("product", obj("name", "B", "price", new BigDecimal("2"), "productnumber", "first"));
        sim.put("product", obj("name", "A", "price", new BigDecimal("2"), "productnumber", "second"));
        sim.put("product", obj("name", "C", "price", new BigDecimal("1")));
        sim.put("product", obj("name", "D", "price", new BigDecimal("2"), "productnumber", "third"));
        sim.put("product", obj("name", "E"));

        assertEquals(List.of("E", "C", "B", "A", "D"), names("product?$orderby=price"));
        assertEquals(List.of("B", "A", "D", "C", "E"), names("product?$orderby=" + enc("price desc")));
        assertEquals(List.of("D", "B", "A", "C", "E"), names("product?$orderby=" + enc("price desc,name desc")));
        assertEquals(List.of("E", "C", "A", "B", "D"), names("product?$orderby=" + enc("price asc, name")));
    }

    @Test
    void topAndSkipCutTheOrderedResultAndCountIgnoresThem() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            account(name);
        }

        TestClient.Reply reply = client.get("account?$orderby=name&$skip=1&$top=2&$count=true");

        assertEquals(List.of("b", "c"), names(reply));
        assertEquals(5, reply.json().getInt("@odata.count"));
        assertEquals(List.of(), names("account?$skip=9"));
        assertEquals(List.of("a", "b", "c", "d", "e"), names("account?$top=10&$orderby=name"));
    }

    @Test
    void everyListCarriesItsContextAndSingleReadsTheirEntityContextAndEtag() {
        String id = account("Acme");

        assertEquals(
                sim.baseUrl() + "$metadata#account",
                client.get("account").json().getString("@odata.context"));
        TestClient.Reply one = client.get("account(" + id + ")");
        assertEquals(sim.baseUrl() + "$metadata#account/$entity", one.json().getString("@odata.context"));
        assertEquals(one.json().getString("@odata.etag"), one.header("ETag"));
    }

    @Test
    void singleReadsAre404WhenAbsentAnd400ForAKeyThatIsNotAGuid() {
        assertEquals(
                404, client.get("account(00000000-0000-0000-0000-000000000001)").status());
        assertEquals(400, client.get("account('abc')").status());
        assertEquals(
                400,
                client.get("account(" + account("A") + ")?$filter=" + enc("name eq 'A'"))
                        .status());
    }

    @Test
    void unknownOptionsAttributesAndBadValuesAre400() {
        assertEquals(400, client.get("account?$search=x").status());
        assertEquals(400, client.get("account?$select=nosuch").status());
        assertEquals(400, client.get("account?$orderby=nosuch").status());
        assertEquals(400, client.get("account?$orderby=" + enc("name sideways")).status());
        assertEquals(400, client.get("account?$top=-1").status());
        assertEquals(400, client.get("account?$skip=x").status());
        assertEquals(400, client.get("account?$top=1&$top=2").status());
        assertEquals(400, client.get("account?$format=xml").status());
        assertEquals(200, client.get("account?$format=json&custom=ignored").status());
    }

    private static List<String> names(String path) {
        TestClient.Reply reply = client.get(path);
        assertEquals(200, reply.status(), reply.body());
        return names(reply);
    }

    private static List<String> names(TestClient.Reply reply) {
        return reply.value().stream()
                .map(v -> v.asJsonObject().getString("name"))
                .toList();
    }
}
