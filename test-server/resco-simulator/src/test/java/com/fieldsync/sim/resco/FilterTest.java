package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.enc;
import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The $filter grammar: operators, logic, literals of every type, functions, null, and the 400s. */
class FilterTest extends SimulatorTest {
    private String acme;
    private String beta;

    @BeforeEach
    void seed() {
        sim.clock().set(Instant.parse("2024-01-01T00:00:00Z"));
        acme = sim.put("account", obj("name", "Acme", "revenue", new BigDecimal("1000.50"), "donotemail", true))
                .getString("id");
        sim.clock().advance(Duration.ofHours(1));
        beta = sim.put("account", obj("name", "Beta Corp", "revenue", new BigDecimal("20"), "donotemail", false))
                .getString("id");
        sim.clock().advance(Duration.ofHours(1));
        sim.put("account", obj("name", "O'Brien & Sons", "address1_city", "Cork"));
        sim.put("product", obj("name", "Pump", "price", new BigDecimal("10.5")));
        sim.put("product", obj("name", "Valve", "price", new BigDecimal("99")));
        sim.put("resco_workorder", obj("name", "WO-1", "statuscode", 1, "__accountid_id", acme));
        sim.put("resco_workorder", obj("name", "WO-2", "statuscode", 2, "__accountid_id", beta));
        sim.put("resco_workorder", obj("name", "WO-3", "statuscode", 3));
    }

    @Test
    void comparisonOperatorsOnStringsAndNumbers() {
        assertEquals(Set.of("Acme"), accounts("name eq 'Acme'"));
        assertEquals(Set.of("Beta Corp", "O'Brien & Sons"), accounts("name ne 'Acme'"));
        assertEquals(Set.of("Beta Corp", "O'Brien & Sons"), accounts("name gt 'Acme'"));
        assertEquals(Set.of("Acme"), accounts("name lt 'B'"));
        assertEquals(Set.of("Valve"), names("product", "price gt 10.5"));
        assertEquals(Set.of("Pump", "Valve"), names("product", "price ge 10.5"));
        assertEquals(Set.of("Pump"), names("product", "price le 10.5"));
        assertEquals(Set.of("WO-1", "WO-2"), names("resco_workorder", "statuscode lt 3"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotRegroup() {
        assertEquals(
                Set.of("WO-1", "WO-3"),
                names("resco_workorder", "statuscode eq 1 or statuscode eq 2 and name eq 'WO-3' or statuscode eq 3"));
        assertEquals(Set.of("WO-1"), names("resco_workorder", "statuscode eq 1 or statuscode eq 2 and name eq 'WO-3'"));
        assertEquals(Set.of(), names("resco_workorder", "(statuscode eq 1 or statuscode eq 2) and name eq 'WO-3'"));
        assertEquals(Set.of("WO-3"), names("resco_workorder", "not (statuscode eq 1 or statuscode eq 2)"));
        assertEquals(Set.of("WO-2", "WO-3"), names("resco_workorder", "not statuscode eq 1"));
    }

    @Test
    void quotedStringsEscapeAQuoteByDoublingIt() {
        assertEquals(Set.of("O'Brien & Sons"), accounts("name eq 'O''Brien & Sons'"));
    }

    @Test
    void nullIsTestedWithEqAndNeAndOtherwiseNeverMatches() {
        assertEquals(Set.of("O'Brien & Sons"), accounts("revenue eq null"));
        assertEquals(Set.of("Acme", "Beta Corp"), accounts("revenue ne null"));
        assertEquals(Set.of("Acme"), accounts("revenue gt 100"));
        assertEquals(Set.of("Acme", "Beta Corp", "O'Brien & Sons"), accounts("address1_city ne 'Dublin'"));
        assertEquals(Set.of("WO-3"), names("resco_workorder", "__accountid_id eq null"));
    }

    @Test
    void booleansGuidsAndDatetimesAreBareLiterals() {
        assertEquals(Set.of("Acme"), accounts("donotemail eq true"));
        assertEquals(Set.of("Beta Corp"), accounts("donotemail eq false"));
        assertEquals(Set.of("Beta Corp"), accounts("id eq " + beta.toUpperCase()));
        assertEquals(Set.of("WO-1"), names("resco_workorder", "__accountid_id eq " + acme));
        assertEquals(Set.of("Beta Corp", "O'Brien & Sons"), accounts("modifiedon ge 2024-01-01T01:00:00Z"));
        assertEquals(Set.of("Acme"), accounts("modifiedon lt 2024-01-01T00:30:00.0000000Z"));
        assertEquals(Set.of("Acme"), accounts("createdon le 2024-01-01T01:00:00+01:00"));
        assertEquals(Set.of("Acme", "Beta Corp", "O'Brien & Sons"), accounts("modifiedon ge 2024-01-01"));
    }

    @Test
    void containsStartswithAndEndswithAreCaseSensitive() {
        assertEquals(Set.of("Beta Corp"), accounts("contains(name,'Corp')"));
        assertEquals(Set.of(), accounts("contains(name,'corp')"));
        assertEquals(Set.of("O'Brien & Sons"), accounts("startswith(name, 'O''B')"));
        assertEquals(Set.of("Acme"), accounts("endswith(name,'me')"));
        assertEquals(Set.of("Acme", "O'Brien & Sons"), accounts("not contains(name,'Corp')"));
        assertEquals(Set.of("Beta Corp"), accounts("contains(name,'e') and revenue lt 100"));
    }

    @Test
    void malformedOrMistypedFiltersAre400WithAMessage() {
        assertBad("account", "nosuch eq 1", "unknown attribute 'nosuch'");
        assertBad("account", "name eq 5", "cannot compare");
        assertBad("account", "revenue eq 'x'", "cannot compare");
        assertBad("account", "name eq 'open", "unterminated");
        assertBad("account", "revenue gt null", "only eq and ne");
        assertBad("account", "name eq 'A' name", "expected");
        assertBad("account", "(name eq 'A'", "')'");
        assertBad("account", "name like 'A'", "unknown operator");
        assertBad("account", "contains(revenue,'1')", "Edm.String");
        assertBad("account", "id eq 'not-a-guid'", "cannot compare");
    }

    private Set<String> accounts(String filter) {
        return names("account", filter);
    }

    private static Set<String> names(String entity, String filter) {
        TestClient.Reply reply = client.get(entity + "?$filter=" + enc(filter));
        assertEquals(200, reply.status(), reply.body());
        return reply.value().stream()
                .map(v -> v.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
    }

    private static void assertBad(String entity, String filter, String expected) {
        TestClient.Reply reply = client.get(entity + "?$filter=" + enc(filter));
        assertEquals(400, reply.status(), filter);
        assertEquals("BadRequest", reply.json().getJsonObject("error").getString("code"));
        assertTrue(reply.message().contains(expected), filter + " -> " + reply.message());
    }
}
