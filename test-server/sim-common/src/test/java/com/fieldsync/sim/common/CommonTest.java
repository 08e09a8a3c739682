package com.fieldsync.sim.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommonTest {

    @Test
    void targetIsTheFirstSegmentBelowTheBaseCutAtAStop() {
        assertEquals("Company", Call.targetOf("/api/Company/abc", "/api/", '/'));
        assertEquals("Company(x)", Call.targetOf("/api/Company(x)", "/api/", '/'));
        assertEquals("account", Call.targetOf("/odata/v4/o/account(1)/x", "/odata/v4/o/", '(', '/'));
        assertNull(Call.targetOf("/api/", "/api/", '/'));
        assertNull(Call.targetOf("/other", "/api/", '/'));
        assertNull(Call.targetOf(null, "/api/", '/'));
    }

    @Test
    void callParamsAreDecoded() {
        Call call = new Call("GET", "/api/X", "a=1&b=x+y&c=%20z&d", "X", 200, "", 0);
        assertEquals("1", call.param("a"));
        assertEquals("x y", call.param("b"));
        assertEquals(" z", call.param("c"));
        assertEquals("", call.param("d"));
        assertNull(call.param("e"));
    }

    @Test
    void faultsMatchByMethodAndTargetAndAreConsumed() {
        Faults faults = new Faults();
        faults.next("POST", "company", Fault.status(503)).always(null, null, Fault.latency(5));
        Faults.Planned other = faults.take("GET", "Company");
        assertEquals(Fault.latency(5), other.latency());
        assertNull(other.action());
        assertEquals(Fault.status(503), faults.take("post", "COMPANY").action());
        assertNull(faults.take("POST", "Company").action());
        assertFalse(faults.isEmpty());
        faults.clear();
        assertTrue(faults.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Fault.parse("nonsense", 0));
        assertThrows(IllegalArgumentException.class, () -> Fault.status(42));
    }

    @Test
    void callLogFiltersAndListsTheTargetUnderTheGivenName() {
        CallLog log = new CallLog();
        log.accept(new Call("GET", "/api/A", null, "A", 200, "", 1));
        log.accept(new Call("POST", "/api/B", "x=1", "B", 201, "{}", 2));
        assertEquals(1, log.matching("post", null).size());
        assertEquals(1, log.matching(null, "a").size());
        JsonObject withTarget = CallLog.toJson(log.all(), "entity").getJsonObject(0);
        assertEquals(
                List.of("method", "path", "query", "entity", "status", "requestBody", "atNanos"),
                new ArrayList<>(withTarget.keySet()));
        assertEquals(JsonValue.NULL, withTarget.get("query"));
        assertFalse(CallLog.toJson(log.all(), null).getJsonObject(1).containsKey("entity"));
        log.clear();
        assertTrue(log.all().isEmpty());
    }

    @Test
    void timestampsReadTheFormsClientsSend() {
        Instant noon = Instant.parse("2024-01-02T12:00:00Z");
        assertEquals(Optional.of(noon), Timestamps.parse("2024-01-02T12:00:00.000Z"));
        assertEquals(Optional.of(noon), Timestamps.parse("2024-01-02T14:00:00+02:00"));
        assertEquals(Optional.of(noon), Timestamps.parse("2024-01-02T12:00"));
        assertEquals(Optional.of(Instant.parse("2024-01-02T00:00:00Z")), Timestamps.parse("2024-01-02"));
        assertEquals(Optional.empty(), Timestamps.parse("yesterday"));
    }

    @Test
    void controlMovesTheClock() {
        SimClock clock = new SimClock();
        Control.moveClock(
                clock,
                Json.createObjectBuilder()
                        .add("set", "2024-01-01T00:00:00Z")
                        .add("advanceMillis", 1500)
                        .build());
        assertTrue(clock.isStopped());
        assertEquals(Instant.parse("2024-01-01T00:00:01.500Z"), clock.now());
        Control.moveClock(clock, Json.createObjectBuilder().add("system", true).build());
        assertFalse(clock.isStopped());
    }

    @Test
    void filterTokensLexAndReportPositions() {
        List<FilterTokens.Lexeme> lexemes = List.of(
                new FilterTokens.Lexeme(FilterTokens.Kind.NUMBER, "-?\\d+" + FilterTokens.NOT_A_NAME_CHAR),
                new FilterTokens.Lexeme(FilterTokens.Kind.WORD, "[A-Za-z_][A-Za-z0-9_]*"));
        FilterTokens tokens = FilterTokens.lex("(a eq 'it''s', 3)", "(),", lexemes, IllegalArgumentException::new);
        assertEquals(FilterTokens.Kind.OPEN, tokens.take().kind());
        assertTrue(tokens.peek().isWord("a"));
        assertTrue(tokens.take().isWordIgnoreCase("A"));
        assertEquals("eq", tokens.expect(FilterTokens.Kind.WORD, "an operator").text());
        assertEquals("it's", tokens.expect(FilterTokens.Kind.STRING, "a string").text());
        assertEquals(FilterTokens.Kind.COMMA, tokens.take().kind());
        assertEquals(FilterTokens.Kind.CLOSE, tokens.peek(1).kind());
        IllegalArgumentException wrong =
                assertThrows(IllegalArgumentException.class, () -> tokens.expect(FilterTokens.Kind.WORD, "a name"));
        assertEquals("expected a name but found '3' at position 15", wrong.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> FilterTokens.lex("a,b", "()", lexemes, IllegalArgumentException::new));
        assertThrows(
                IllegalArgumentException.class,
                () -> FilterTokens.lex("'open", "()", lexemes, IllegalArgumentException::new));
        assertTrue(Comparisons.operator("ge").test(0));
        assertNull(Comparisons.operator("like"));
    }

    @Test
    void queryStringsDecodeInOrderAndRefuseMalformedParts() {
        List<String> seen = new ArrayList<>();
        QueryStrings.forEachPair("a=1&&b&%24top=x+y", IllegalArgumentException::new, (n, v) -> seen.add(n + "=" + v));
        assertEquals(List.of("a=1", "b=", "$top=x y"), seen);
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> QueryStrings.forEachPair("a=%zz", IllegalArgumentException::new, (n, v) -> {}));
        assertEquals("malformed query string near '%zz'", bad.getMessage());
        assertEquals("a%20b%26c", QueryStrings.encode("a b&c"));
    }

    @Test
    void bodiesAreObjectsOrRefused() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonBodies.objectOrEmpty(" "));
        assertEquals(
                1, JsonBodies.object("{\"a\":1}", IllegalStateException::new).getInt("a"));
        assertEquals(
                "the request body must be a JSON object, got ARRAY",
                assertThrows(IllegalStateException.class, () -> JsonBodies.object("[]", IllegalStateException::new))
                        .getMessage());
        assertThrows(IllegalStateException.class, () -> JsonBodies.object("{", IllegalStateException::new));
    }

    @Test
    void guidsAndCommandLine() {
        assertTrue(Guids.isGuid(Guids.random()));
        assertFalse(Guids.isGuid("1-2-3-4-5"));
        CommandLine options = CommandLine.parse(new String[] {"--port", "1234"}, "usage", "host", "port");
        assertEquals(1234, options.getInt("port", 1));
        assertEquals("127.0.0.1", options.get("host", "127.0.0.1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--host"}, "usage", "host", "port"));
    }
}
