package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.ListingTest.codes;
import static com.fieldsync.sim.odyssee.TestClient.enc;
import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Guids;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** $filter semantics, against one fixed data set (the tests only read). */
class FilterTest {
    private static final Instant T1 = Instant.parse("2015-07-14T13:08:00Z");

    private static OdysseeSimulator sim;
    private static TestClient client;
    private static String categoryA;
    private static String jobId;

    @BeforeAll
    static void seed() {
        sim = OdysseeSimulator.start("127.0.0.1", 0);
        client = new TestClient(sim);
        categoryA = sim.put("ArticleCategory", obj("code", "CA", "name", "A")).getString("id");
        sim.put("ArticleCategory", obj("code", "CB", "name", "B"));
        sim.clock().set(T1);
        article("A1", "Bolt", "5", categoryA);
        sim.clock().advance(Duration.ofMillis(1));
        article("A2", "O'Brien nut", "10.5", categoryA);
        sim.clock().advance(Duration.ofMinutes(1));
        article("A3", "Washer", "20", Guids.ZERO);
        jobId = sim.put("Jobs", obj("reference_back_office", "WO-1")).getString("id");
        sim.put("JobApproval", obj("jobs_id", jobId, "is_daily_approval", false));
        sim.put("JobApproval", obj("jobs_id", jobId, "is_daily_approval", true));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "price {0} 10.5 -> {1}")
    @CsvSource({"eq, A2", "ne, A1 A3", "gt, A3", "ge, A2 A3", "lt, A1", "le, A1 A2"})
    void everyComparisonOperatorComparesNumbers(String op, String expected) {
        assertEquals(List.of(expected.split(" ")), articles("price " + op + " 10.5"));
    }

    @Test
    void integerLiteralsCompareWithDecimals() {
        assertEquals(List.of("A1"), articles("price eq 5.00"));
        assertEquals(List.of("A3"), articles("price ge 20"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(List.of("A1"), articles("price eq 5 or price eq 10.5 and code eq 'A3'"));
        assertEquals(List.of("A1", "A3"), articles("code eq 'A3' or price eq 5 and code eq 'A1'"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertEquals(List.of("A2"), articles("(price eq 5 or price eq 10.5) and code eq 'A2'"));
        assertEquals(List.of(), articles("(price eq 5 or price eq 10.5) and (code eq 'A3')"));
    }

    @Test
    void notNegates() {
        assertEquals(List.of("A2", "A3"), articles("not code eq 'A1'"));
    }

    @Test
    void twoQuotesInAStringLiteralStandForOneQuote() {
        assertEquals(List.of("A2"), articles("description eq 'O''Brien nut'"));
    }

    @Test
    void stringComparisonIsOrdinal() {
        assertEquals(List.of("A2", "A3"), articles("code gt 'A1'"));
        assertEquals(List.of(), articles("code eq 'a1'"));
    }

    @Test
    void bareGuidLiteralsCompareCaseInsensitively() {
        String upper = categoryA.toUpperCase(Locale.ROOT);

        assertEquals(List.of("A1", "A2"), articles("article_category_id eq " + upper));
        assertEquals(List.of("A3"), articles("article_category_id eq 00000000-0000-0000-0000-000000000000"));
        assertEquals(List.of("A1", "A2"), articles("article_category_id eq '" + upper + "'"));
    }

    @Test
    void idCanBeFilteredWithAGuidLiteral() {
        TestClient.Reply reply = client.get("api/Jobs?$select=reference_back_office&$filter=" + enc("id eq " + jobId));

        assertEquals("WO-1", reply.value().getJsonObject(0).getString("reference_back_office"));
    }

    @Test
    void booleansCompareWithBareTrueAndFalse() {
        TestClient.Reply reply =
                client.get("api/JobApproval?$filter=" + enc("jobs_id eq " + jobId + " and is_daily_approval eq false"));

        assertEquals(1, reply.value().size());
        assertEquals(false, reply.value().getJsonObject(0).getBoolean("is_daily_approval"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "modified_dateutc gt '2015-07-14T13:08:00.000Z'",
                "modified_dateutc gt '2015-07-14T13:08:00Z'",
                "modified_dateutc gt '2015-07-14T13:08:00'",
                "modified_dateutc gt 2015-07-14T13:08:00.000Z"
            })
    void aDatetimeLiteralComparesAsAnInstantWithOrWithoutMillisAndZone(String filter) {
        assertEquals(List.of("A2", "A3"), articles(filter));
    }

    @Test
    void datetimeComparisonsHonourMilliseconds() {
        assertEquals(List.of("A1", "A2"), articles("modified_dateutc le '2015-07-14T13:08:00.001Z'"));
        assertEquals(List.of("A2"), articles("modified_dateutc eq '2015-07-14T13:08:00.001Z'"));
    }

    @Test
    void theUserGuidesExportQueryWorksAsWritten() {
        TestClient.Reply reply = client.get("api/JobApproval?$filter=modified_dateutc+gt+'2015-07-14T13:08:00.000Z'"
                + "+and+is_daily_approval+eq+false&$orderby=modified_dateutc+asc");

        assertEquals(1, reply.value().size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "nope eq 1 | nope",
                "price eq | expected",
                "price eq 'x' | price",
                "code eq 5 | code",
                "code eq 'unterminated | unterminated",
                "(code eq 'A1' | ')'",
                "code is 'A1' | operator",
                "code eq 'A1' xor code eq 'A2' | xor",
                "is_daily eq true | is_daily",
                "modified_dateutc gt 'yesterday' | modified_dateutc",
                "article_category_id eq 12 | article_category_id"
            })
    void aBadFilterIs400WithAMessageNamingTheProblem(String filter, String named) {
        TestClient.Reply reply = client.get("api/Article?$filter=" + enc(filter));

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.message().contains(named), reply.message());
    }

    private static void article(String code, String description, String price, String category) {
        sim.put(
                "Article",
                obj(
                        "code",
                        code,
                        "description",
                        description,
                        "price",
                        new BigDecimal(price),
                        "article_category_id",
                        category));
    }

    private static List<String> articles(String filter) {
        return codes(client.get("api/Article?$orderby=code&$filter=" + enc(filter)));
    }
}
