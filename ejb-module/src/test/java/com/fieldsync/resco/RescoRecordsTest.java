package com.fieldsync.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.config.MapConfig;
import com.fieldsync.connector.PushRequest;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import com.fieldsync.resco.RescoMapping.EntityMap;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RescoRecordsTest {

    private static final String GUID_UPPER = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    private static final String GUID_LOWER = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private static final RescoMapping DEFAULTS = RescoMapping.from(MapConfig.settings(Map.of()));

    private static EntityMap map(EntityType type) {
        return DEFAULTS.of(type).orElseThrow();
    }

    private static PushRequest request(
            EntityType type, String key, Map<String, Object> fields, PushRequest.References references) {
        return new PushRequest(
                type, key, ChangeKind.UPSERT, fields, null, PushRequest.LinkState.NEW, null, references, id -> id);
    }

    private static PushRequest request(EntityType type, String key, Map<String, Object> fields) {
        return request(type, key, fields, (t, k) -> Optional.empty());
    }

    private static Map<String, Object> customerFields() {
        Map<String, Object> f = new HashMap<>();
        f.put("name", "Acme NV");
        f.put("vat", "BE0123456789");
        f.put("phone", "+32 2 555 01 01");
        f.put("email", "info@acme.example");
        f.put("street", "Main Street 1");
        f.put("zip", "1000");
        f.put("city", "Brussels");
        f.put("country", ""); // empty: sent as JSON null
        // not mapped: left out of the body
        f.put("ignored", "x");
        return f;
    }

    @Test
    void customerBodyCarriesTheKeyTheValuesAndNullForEmpty() {
        RescoRecords.Outbound out = RescoRecords.outbound(
                map(EntityType.CUSTOMER), request(EntityType.CUSTOMER, "C-1001", customerFields()));
        assertNull(out.waitingForType());
        assertNull(out.waitingForKey());
        assertNotNull(out.hash());
        JsonObject body = out.body();
        assertEquals("C-1001", body.getString("accountnumber"));
        assertEquals("Acme NV", body.getString("name"));
        assertEquals("BE0123456789", body.getString("vatid"));
        assertEquals("+32 2 555 01 01", body.getString("telephone1"));
        assertEquals("info@acme.example", body.getString("emailaddress1"));
        assertEquals("Main Street 1", body.getString("address1_line1"));
        assertEquals("1000", body.getString("address1_postalcode"));
        assertEquals("Brussels", body.getString("address1_city"));
        assertEquals(JsonValue.NULL, body.get("address1_country"));
        assertEquals(9, body.size(), "only mapped attributes: " + body);
    }

    @Test
    void absentFieldIsSentAsNullToo() {
        Map<String, Object> f = customerFields();
        f.remove("phone");
        JsonObject body = RescoRecords.outbound(map(EntityType.CUSTOMER), request(EntityType.CUSTOMER, "C-1", f))
                .body();
        assertTrue(body.containsKey("telephone1"));
        assertEquals(JsonValue.NULL, body.get("telephone1"));
    }

    @Test
    void priceIsSentAsAJsonNumber() {
        JsonObject body = RescoRecords.outbound(
                        map(EntityType.ARTICLE),
                        request(EntityType.ARTICLE, "A-7", Map.of("description", "Bolt", "price", "12.50")))
                .body();
        assertEquals(JsonValue.ValueType.NUMBER, body.get("price").getValueType());
        assertEquals(
                0, new BigDecimal("12.5").compareTo(body.getJsonNumber("price").bigDecimalValue()));
        assertEquals("A-7", body.getString("productnumber"));
        assertEquals("Bolt", body.getString("name"));
    }

    @Test
    void contactWhoseCustomerHasNoRescoIdWaitsForIt() {
        List<String> asked = new ArrayList<>();
        PushRequest r = request(
                EntityType.CONTACT,
                "P-1",
                Map.of("firstname", "Ann", "lastname", "Peeters", "customer", "C-1001"),
                (type, key) -> {
                    asked.add(type + "/" + key);
                    return Optional.empty();
                });
        RescoRecords.Outbound out = RescoRecords.outbound(map(EntityType.CONTACT), r);
        assertEquals(EntityType.CUSTOMER, out.waitingForType());
        assertEquals("C-1001", out.waitingForKey());
        assertNull(out.body());
        assertNull(out.hash());
        assertEquals(List.of("CUSTOMER/C-1001"), asked);
    }

    @Test
    void contactWithoutCustomerSendsANullLookup() {
        RescoRecords.Outbound out = RescoRecords.outbound(
                map(EntityType.CONTACT), request(EntityType.CONTACT, "P-1", Map.of("lastname", "Peeters"), (t, k) -> {
                    throw new AssertionError("no customer, nothing to resolve");
                }));
        assertNull(out.waitingForType());
        assertEquals(JsonValue.NULL, out.body().get("__parentcustomerid_id"));
    }

    @Test
    void lookupGuidIsLowerCased() {
        RescoRecords.Outbound out = RescoRecords.outbound(
                map(EntityType.CONTACT),
                request(
                        EntityType.CONTACT,
                        "P-1",
                        Map.of("lastname", "Peeters", "customer", "C-1001"),
                        (t, k) -> t == EntityType.CUSTOMER && k.equals("C-1001")
                                ? Optional.of(GUID_UPPER)
                                : Optional.empty()));
        assertNull(out.waitingForType());
        assertEquals(GUID_LOWER, out.body().getString("__parentcustomerid_id"));
    }

    @Test
    void hashOfWhatWasSentEqualsHashOfWhatRescoReturns() {
        EntityMap customer = map(EntityType.CUSTOMER);
        String sent = RescoRecords.outbound(customer, request(EntityType.CUSTOMER, "C-1001", customerFields()))
                .hash();
        // what Resco answers: system attributes, unmapped ones, null for the emptied country
        JsonObject row = Json.createObjectBuilder()
                .add("id", GUID_LOWER)
                .add("modifiedon", "2024-05-01T10:00:00Z")
                .add("versionnumber", 17)
                .add("revenue", 1000)
                .add("address1_country", JsonValue.NULL)
                .add("address1_city", "Brussels")
                .add("address1_postalcode", "1000")
                .add("address1_line1", "Main Street 1")
                .add("emailaddress1", "info@acme.example")
                .add("telephone1", "+32 2 555 01 01")
                .add("vatid", "BE0123456789")
                .add("name", "Acme NV")
                .add("accountnumber", "C-1001")
                .build();
        assertEquals(sent, RescoRecords.inboundHash(customer, row));

        // an empty string and an absent attribute are the same as null
        JsonObject emptyString =
                Json.createObjectBuilder(row).add("address1_country", "").build();
        assertEquals(sent, RescoRecords.inboundHash(customer, emptyString));
        JsonObject absent =
                Json.createObjectBuilder(row).remove("address1_country").build();
        assertEquals(sent, RescoRecords.inboundHash(customer, absent));

        JsonObject changed =
                Json.createObjectBuilder(row).add("address1_city", "Ghent").build();
        assertNotEquals(sent, RescoRecords.inboundHash(customer, changed));
        JsonObject filled =
                Json.createObjectBuilder(row).add("address1_country", "BE").build();
        assertNotEquals(sent, RescoRecords.inboundHash(customer, filled));
    }

    @Test
    void numbersHashTheSameWhateverTheirTrailingZeros() {
        EntityMap article = map(EntityType.ARTICLE);
        String sent = RescoRecords.outbound(
                        article,
                        request(
                                EntityType.ARTICLE,
                                "A-7",
                                Map.of("description", "Bolt", "price", new BigDecimal("12.5"))))
                .hash();
        JsonObject row = Json.createObjectBuilder()
                .add("productnumber", "A-7")
                .add("name", "Bolt")
                .add("price", new BigDecimal("12.50"))
                .build();
        assertEquals(sent, RescoRecords.inboundHash(article, row));
        // a price written as a string with trailing zeros, by either side
        assertEquals(
                sent,
                RescoRecords.inboundHash(
                        article,
                        Json.createObjectBuilder(row).add("price", "12.5000").build()));
        assertEquals(
                sent,
                RescoRecords.outbound(
                                article,
                                request(EntityType.ARTICLE, "A-7", Map.of("description", "Bolt", "price", "12.500")))
                        .hash());
        assertNotEquals(
                sent,
                RescoRecords.inboundHash(
                        article,
                        Json.createObjectBuilder(row)
                                .add("price", new BigDecimal("12.51"))
                                .build()));
    }

    @Test
    void zeroHashesTheSameInAnyScale() {
        EntityMap article = map(EntityType.ARTICLE);
        String sent = RescoRecords.outbound(
                        article,
                        request(
                                EntityType.ARTICLE,
                                "A-7",
                                Map.of("description", "Bolt", "price", new BigDecimal("0.00"))))
                .hash();
        JsonObject row = Json.createObjectBuilder()
                .add("productnumber", "A-7")
                .add("name", "Bolt")
                .add("price", 0)
                .build();
        assertEquals(sent, RescoRecords.inboundHash(article, row));
    }

    @Test
    void lookupHashIgnoresGuidCase() {
        EntityMap contact = map(EntityType.CONTACT);
        String sent = RescoRecords.outbound(
                        contact,
                        request(
                                EntityType.CONTACT,
                                "P-1",
                                Map.of("firstname", "Ann", "lastname", "Peeters", "customer", "C-1001"),
                                (t, k) -> Optional.of(GUID_UPPER)))
                .hash();
        JsonObject row = Json.createObjectBuilder()
                .add("firstname", "Ann")
                .add("lastname", "Peeters")
                .add("emailaddress1", JsonValue.NULL)
                .add("telephone1", "")
                .add("__parentcustomerid_id", GUID_UPPER)
                .build();
        assertEquals(sent, RescoRecords.inboundHash(contact, row));
        assertNotEquals(
                sent,
                RescoRecords.inboundHash(
                        contact,
                        Json.createObjectBuilder(row)
                                .add("__parentcustomerid_id", "00000000-0000-0000-0000-000000000001")
                                .build()));
    }

    @Test
    void fieldsMapBackToErpNamesAndResolveLookups() {
        EntityMap contact = map(EntityType.CONTACT);
        JsonObject row = Json.createObjectBuilder()
                .add("id", "11111111-1111-1111-1111-111111111111")
                .add("firstname", "Ann")
                .add("lastname", "Peeters")
                .add("emailaddress1", JsonValue.NULL)
                .add("telephone1", "+32 3 555 02 02")
                .add("__parentcustomerid_id", GUID_UPPER)
                .build();
        List<String> asked = new ArrayList<>();
        Map<String, String> fields = RescoRecords.fields(contact, row, (type, id) -> {
            asked.add(type + "/" + id);
            return id.equals(GUID_LOWER) ? Optional.of("C-1001") : Optional.empty();
        });
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("firstname", "Ann");
        expected.put("lastname", "Peeters");
        expected.put("email", "");
        expected.put("phone", "+32 3 555 02 02");
        expected.put("customer", "C-1001");
        assertEquals(expected, fields);
        assertEquals(List.of("CUSTOMER/" + GUID_LOWER), asked);
    }

    @Test
    void unknownLookupIsLeftOutAndEmptyLookupIsEmpty() {
        EntityMap contact = map(EntityType.CONTACT);
        JsonObject row = Json.createObjectBuilder()
                .add("lastname", "Peeters")
                .add("__parentcustomerid_id", GUID_LOWER)
                .build();
        Map<String, String> fields = RescoRecords.fields(contact, row, (t, id) -> Optional.empty());
        assertFalse(fields.containsKey("customer"), fields.toString());
        assertEquals("Peeters", fields.get("lastname"));

        JsonObject noCustomer = Json.createObjectBuilder(row)
                .add("__parentcustomerid_id", JsonValue.NULL)
                .build();
        assertEquals(
                "",
                RescoRecords.fields(contact, noCustomer, (t, id) -> {
                            throw new AssertionError("nothing to resolve");
                        })
                        .get("customer"));
    }

    @Test
    void fieldsLeaveTheKeyOutAndNormaliseNumbers() {
        EntityMap article = map(EntityType.ARTICLE);
        JsonObject row = Json.createObjectBuilder()
                .add("productnumber", "A-7")
                .add("name", "Bolt")
                .add("price", new BigDecimal("12.50"))
                .build();
        assertEquals(
                Map.of("description", "Bolt", "price", "12.5"),
                RescoRecords.fields(article, row, (t, id) -> Optional.empty()));
        assertEquals("A-7", RescoRecords.keyOf(article, row));
        assertEquals("", RescoRecords.keyOf(article, Json.createObjectBuilder().build()));
    }
}
