package com.fieldsync.it.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.it.Await;
import com.fieldsync.it.server.PayaraServerDomain;
import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.odyssee.OdysseeSimulator;
import com.fieldsync.sim.odyssee.Technicians;
import com.fieldsync.sim.resco.RescoSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fieldsync.ear} and {@code fieldsync-demo.ear} on a real Payara Server 6 domain, configured
 * the way an administrator does it: with asadmin and the shipped {@code src/asadmin/fieldsync-config.asadmin}.
 *
 * <p>One domain serves the whole class and the tests build on each other (in {@link Order}): the
 * bare EAR without configuration, then configured, then replaced by the demo EAR whose ERP changes
 * must reach the Odyssee simulator, then the admin API's security, and last the persistence unit's
 * {@code fieldsync.datasource} setting. Figures are printed as {@code PAYARA-SERVER-EAR …} lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FieldSyncEarIT {

    private static final String ODYSSEE_USER = "fieldsync-it";
    private static final String ODYSSEE_PASSWORD = "It-s3cret-42";
    private static final String ODYSSEE_DOMAIN = "it-tenant";

    private static final String URL_KEY = "fieldsync.odyssee.url";

    private static final String EAR_APP = "fieldsync";
    private static final String DEMO_APP = "fieldsync-demo";
    private static final String ADMIN_GROUP = "fieldsync-admin";

    /** From the end of a deployment until the readiness endpoint answers with FieldSync's check. */
    private static final Duration READY_WAIT = Duration.ofSeconds(90);
    /** Payara caches MicroProfile Config values per application, 60 s by default: a bound above that. */
    private static final Duration CONFIG_CHANGE_WAIT = Duration.ofSeconds(120);
    /** From an ERP save until Odyssee has the record. */
    private static final Duration SYNC_WAIT = Duration.ofSeconds(30);

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path work;

    private static OdysseeSimulator sim;
    private static RescoSimulator resco;
    private static PayaraServerDomain server;
    private static ServerLogRecords serverLog;
    private static HttpClient http;
    private static volatile String lastSeen = "nothing yet";

    private static Duration earReady;
    private static Duration configEffect;
    private static final Map<String, Duration> deployDurations = new LinkedHashMap<>();
    /** SEVERE and WARNING records of server.log, by step (each deployment, and the whole run). */
    private static final Map<String, List<String>> logByStep = new LinkedHashMap<>();

    @BeforeAll
    static void startSimulatorAndDomain() {
        sim = OdysseeSimulator.start("127.0.0.1", 0)
                .requireBasicAuth(ODYSSEE_USER + ":" + ODYSSEE_PASSWORD + "@" + ODYSSEE_DOMAIN);
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        resco = RescoSimulator.start("127.0.0.1", 0, "fieldsync-ear").requireBasicAuth("resco-it", "R3sco-pw");
        server = PayaraServerDomain.start("fieldsync-ear");
        serverLog = new ServerLogRecords(server.serverLog());
    }

    @AfterAll
    static void stopDomainAndReport() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (sim != null) {
                sim.close();
            }
            if (resco != null) {
                resco.close();
            }
            if (server != null) {
                logByStep.put("whole run incl. stop", serverLog.since(0, "SEVERE"));
                System.out.printf(
                        Locale.ROOT,
                        "PAYARA-SERVER-EAR start_ms=%d deploy_ear_ms=%d ear_ready_ms=%d deploy_demo_ear_ms=%d%n",
                        server.startDuration().toMillis(),
                        millis(deployDurations.get(EAR_APP + "#1")),
                        millis(earReady),
                        millis(deployDurations.get(DEMO_APP)));
                System.out.printf(
                        Locale.ROOT,
                        "PAYARA-SERVER-EAR-CONFIG config_change_effective_ms=%d (no redeploy; MicroProfile Config cache)%n",
                        millis(configEffect));
                logByStep.forEach((step, records) -> System.out.printf(
                        Locale.ROOT,
                        "PAYARA-SERVER-EAR-LOG %s: %d record(s)%s%n",
                        step,
                        records.size(),
                        records.isEmpty() ? "" : "\n  " + String.join("\n  ", records)));
            }
        }
    }

    @Test
    @Order(1)
    void earDeploysWithoutConfigAndReportsTheMissingKey() {
        Instant begin = Instant.now();
        deployWatchingTheLog(artifact("fieldsync.ear"), EAR_APP, EAR_APP + "#1");

        Readiness readiness = awaitReadiness("FieldSync's readiness check answers", Readiness::hasFieldSyncCheck);
        earReady = Duration.between(begin, Instant.now());

        assertEquals(503, readiness.httpStatus(), readiness::toString);
        assertEquals("DOWN", readiness.overall(), readiness::toString);
        assertEquals("DOWN", readiness.checkStatus(), readiness::toString);
        String odyssee = readiness.platform("odyssee").orElse("");
        assertTrue(odyssee.startsWith("not ready: "), readiness::toString);
        assertTrue(odyssee.contains(URL_KEY + " is not set"), readiness::toString);
    }

    @Test
    @Order(2)
    void shippedConfigFileMakesTheConnectorReady() throws IOException {
        Path shipped = projectRoot().resolve("src/asadmin/fieldsync-config.asadmin");
        Map<String, String> values = Map.of(
                URL_KEY,
                sim.baseUrl(),
                "fieldsync.odyssee.username",
                ODYSSEE_USER,
                "fieldsync.odyssee.password",
                ODYSSEE_PASSWORD,
                "fieldsync.odyssee.domain",
                ODYSSEE_DOMAIN);
        Path configured = Files.writeString(
                work.resolve("fieldsync-config.asadmin"), withValues(Files.readString(shipped), values));

        server.runCommandFile(configured);
        Instant applied = Instant.now();

        String stored = server.asadmin("get-config-property", "--source=jndi", "--propertyName=" + URL_KEY)
                .output();
        assertTrue(stored.contains(sim.baseUrl()), stored);
        // No redeploy, no restart: the running application must pick the change up by itself.
        Readiness ready = awaitReadiness(
                "the connector becomes ready after the config change",
                r -> r.hasFieldSyncCheck() && "UP".equals(r.checkStatus()),
                CONFIG_CHANGE_WAIT);
        configEffect = Duration.between(applied, Instant.now());
        assertEquals(200, ready.httpStatus(), ready::toString);
        assertEquals(Optional.of("ready"), ready.platform("odyssee"), ready::toString);
        System.out.printf(
                Locale.ROOT,
                "[fieldsync-ear] config change effective after %d ms without redeploy (%s)%n",
                configEffect.toMillis(),
                server.tryAsadmin("get", "configs.config.server-config.microprofile-config.*")
                        .output()
                        .strip()
                        .replace('\n', ' '));
    }

    @Test
    @Order(3)
    void erpChangeInTheDemoEarReachesOdyssee() {
        server.undeploy(EAR_APP);
        // Resco too (polling only, no callback URL): its PATCH needs the connector in the EAR's lib/
        for (String[] kv : new String[][] {
            {"fieldsync.resco.enabled", "true"},
            {"fieldsync.resco.url", resco.baseUrl()},
            {"fieldsync.resco.username", "resco-it"},
            {"fieldsync.resco.password", "R3sco-pw"}
        }) {
            server.asadmin(
                    "set-config-property", "--source=jndi", "--propertyName=" + kv[0], "--propertyValue=" + kv[1]);
        }
        deployWatchingTheLog(artifact("fieldsync-demo.ear"), DEMO_APP, DEMO_APP);
        awaitReadiness("the demo EAR's connector is ready", r -> "UP".equals(r.checkStatus()));

        String key = "C-EAR-1";
        saveCustomer(key, "{\"name\":\"ACME\",\"city\":\"Gent\"}");
        JsonObject created = awaitCompany(
                key, c -> "ACME".equals(c.getString("name", null)) && "Gent".equals(c.getString("city", null)));
        String id = created.getString("id");
        assertEquals(1, companyCalls("POST", null).size(), () -> "creates: " + sim.calls());

        // An update of a synchronised field arrives as a PUT of that record.
        int putsBefore = companyCalls("PUT", id).size();
        saveCustomer(key, "{\"city\":\"Brugge\"}");
        awaitCompany(key, c -> "Brugge".equals(c.getString("city", null)));
        assertEquals(putsBefore + 1, companyCalls("PUT", id).size(), () -> "PUTs: " + companyCalls("PUT", id));

        // A save that changes only an unsynchronised field sends nothing: save it, then a synchronised
        // change; once the latter has arrived (records of one key go in order), only it was sent.
        int putsAfterUpdate = companyCalls("PUT", id).size();
        saveCustomer(key, "{\"creditLimit\":\"5000\"}");
        saveCustomer(key, "{\"city\":\"Antwerpen\"}");
        awaitCompany(key, c -> "Antwerpen".equals(c.getString("city", null)));
        List<Call> puts = companyCalls("PUT", id);
        assertEquals(putsAfterUpdate + 1, puts.size(), () -> "PUTs: " + puts);
        assertTrue(puts.get(puts.size() - 1).requestBody().contains("Antwerpen"), () -> "last PUT: " + puts);
        assertEquals(1, companyCalls("POST", null).size(), () -> "creates: " + sim.calls());

        // The ERP kept the unsynchronised field: it was saved, just not sent.
        HttpResponse<String> erp = send(HttpRequest.newBuilder(url("demo-erp/erp/records/customer"))
                .GET()
                .build());
        assertEquals(200, erp.statusCode(), erp::body);
        assertTrue(erp.body().contains("\"creditLimit\":\"5000\""), erp::body);

        // And back: a job a technician completes on Odyssee is booked by the ERP's observer in the
        // other module of the EAR, with its time, then its PDF (CDI events cross the EAR's modules).
        sim.pdfDelay(Duration.ofMillis(200));
        String user = sim.put(
                        "User",
                        Json.createObjectBuilder()
                                .add("code", "T-EAR")
                                .add("username", "ear-tech")
                                .build())
                .getString("id");
        String job = sim.put(
                        "Jobs",
                        Json.createObjectBuilder()
                                .add("reference_back_office", "WO-EAR-1")
                                .build())
                .getString("id");
        String approval = sim.technicians()
                .complete(job, user, List.of(), List.of(new Technicians.TimeUse(null, 1.5)))
                .getString("id");
        String booked = Await.until(Duration.ofSeconds(60), "the demo EAR's ERP books the approval and its PDF", () -> {
            HttpResponse<String> lines = send(HttpRequest.newBuilder(url("demo-erp/erp/inbound/lines"))
                    .GET()
                    .build());
            return lines.body().contains(approval) && lines.body().contains("\"PDF\"") ? lines.body() : null;
        });
        assertTrue(booked.contains("WO-EAR-1") && booked.contains("T-EAR"), booked);

        // The same customer on Resco: created once, then PATCHed (Payara's default Jersey connector
        // refuses PATCH; the EAR ships the JDK-client connector in lib/).
        JsonObject account = Await.until(SYNC_WAIT, "the customer on Resco", () -> resco.records("account").stream()
                .filter(a -> key.equals(a.getString("accountnumber", null))
                        && "Antwerpen".equals(a.getString("address1_city", null)))
                .findFirst()
                .orElse(null));
        saveCustomer(key, "{\"city\":\"Leuven\"}");
        Await.until(
                SYNC_WAIT, "the customer's new city on Resco", () -> resco.record("account", account.getString("id"))
                        .filter(a -> "Leuven".equals(a.getString("address1_city", null)))
                        .orElse(null));
        List<Call> patches = resco.calls("PATCH", "account");
        assertTrue(
                !patches.isEmpty() && patches.stream().allMatch(c -> c.status() == 204),
                () -> "PATCHes: " + patches + "; calls: " + resco.calls());
        assertTrue(patches.stream().allMatch(c -> c.path().contains(account.getString("id"))), () -> "" + patches);
        assertEquals(1, resco.calls("POST", "account").size(), () -> "creates: " + resco.calls());
    }

    @Test
    @Order(4)
    void adminApiRefusesAnonymousAndServesAdmins() throws IOException {
        URI status = url("fieldsync/api/admin/status");
        HttpResponse<String> anonymous =
                send(HttpRequest.newBuilder(status).GET().build());
        assertEquals(401, anonymous.statusCode(), anonymous::body);
        assertTrue(
                anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                () -> "WWW-Authenticate: " + anonymous.headers().map());

        createFileUser("it-admin", "Adm1n-pw-42", ADMIN_GROUP);
        createFileUser("it-clerk", "Cl3rk-pw-42", "staff");

        HttpResponse<String> admin = Await.until(
                        "the new admin user is accepted",
                        READY_WAIT,
                        () -> Optional.of(send(withBasic(status, "it-admin", "Adm1n-pw-42")))
                                .filter(r -> r.statusCode() == 200),
                        () -> lastSeen)
                .value();
        JsonObject body = json(admin.body());
        assertTrue(body.containsKey("connectors"), admin::body);
        assertTrue(admin.body().contains("odyssee"), admin::body);

        assertEquals(401, send(withBasic(status, "it-admin", "wrong")).statusCode(), "wrong password");
        assertEquals(403, send(withBasic(status, "it-clerk", "Cl3rk-pw-42")).statusCode(), "user outside the group");
    }

    /**
     * The persistence unit's {@code <jta-data-source>${MPCONFIG=fieldsync.datasource:java:comp/DefaultDataSource}}
     * is resolved by Payara Server: with {@code fieldsync.datasource} naming a second JDBC resource,
     * FieldSync's tables are created in that database.
     *
     * <p>Payara expands {@code ${MPCONFIG=…}} in deployment descriptors while it parses them, with the
     * server-level MicroProfile Config, which caches each value it looked up for the domain's {@code
     * cache-duration-seconds} (60): the demo EAR's deployment looked this key up moments ago, so a
     * deployment right now may still see "unset". The test therefore redeploys until a deployment
     * uses the new data source, and reports how long that took.
     */
    @Test
    @Order(5)
    void fieldsyncDatasourceChoosesTheDatabaseOfTheOutbox() throws SQLException {
        undeployIfDeployed(DEMO_APP);
        Path database = server.domainDir().resolve("it-databases").resolve("fieldsync-ds");
        String jdbcUrl = "jdbc:h2:" + database;
        server.asadmin(
                "create-jdbc-connection-pool",
                "--datasourceclassname",
                "org.h2.jdbcx.JdbcDataSource",
                "--restype",
                "javax.sql.DataSource",
                "--property",
                "user=fs:password=fs:URL=" + jdbcUrl.replace(":", "\\:"),
                "fieldsync-it-pool");
        server.asadmin("create-jdbc-resource", "--connectionpoolid", "fieldsync-it-pool", "jdbc/fieldsync-it");
        server.asadmin(
                "set-config-property",
                "--source=jndi",
                "--propertyName=fieldsync.datasource",
                "--propertyValue=jdbc/fieldsync-it");
        Instant configured = Instant.now();

        // H2 creates the file on the first connection: only FieldSync can have asked the pool for one.
        Path file = Path.of(database + ".mv.db");
        List<Instant> deployments = new ArrayList<>();
        Await.until(
                "a deployment of fieldsync.ear uses jdbc/fieldsync-it",
                Duration.ofSeconds(150),
                Duration.ofSeconds(10),
                () -> {
                    deployments.add(Instant.now());
                    deployWatchingTheLog(
                            artifact("fieldsync.ear"),
                            EAR_APP,
                            EAR_APP + " with fieldsync.datasource, try " + (deployments.size()));
                    awaitReadiness("the redeployed EAR answers", Readiness::hasFieldSyncCheck);
                    if (Files.isRegularFile(file)) {
                        return Optional.of(file);
                    }
                    server.undeploy(EAR_APP);
                    return Optional.empty();
                },
                () -> deployments.size() + " deployment(s), none opened " + file);
        System.out.printf(
                Locale.ROOT,
                "[fieldsync-ear] fieldsync.datasource used by deployment %d, started %d ms after the property was set%n",
                deployments.size(),
                Duration.between(configured, deployments.get(deployments.size() - 1))
                        .toMillis());

        server.undeploy(EAR_APP);
        // Without its pool the server closes the database, so this JVM may open the file.
        server.asadmin("delete-jdbc-resource", "jdbc/fieldsync-it");
        server.asadmin("delete-jdbc-connection-pool", "fieldsync-it-pool");

        List<String> tables = Await.until(
                        "the server releases " + database,
                        Duration.ofSeconds(30),
                        () -> {
                            try {
                                return Optional.of(H2Database.publicTables(
                                        Path.of(System.getProperty(PayaraServerDomain.HOME_PROPERTY)),
                                        jdbcUrl + ";IFEXISTS=TRUE",
                                        "fs",
                                        "fs"));
                            } catch (SQLException e) {
                                lastSeen = e.toString();
                                return Optional.empty();
                            }
                        },
                        () -> lastSeen)
                .value();
        System.out.println("[fieldsync-ear] tables in " + jdbcUrl + ": " + tables);
        assertTrue(tables.contains("FS_OUTBOX"), () -> "FS_OUTBOX not in " + tables);
        assertTrue(tables.contains("FS_LINK"), () -> "FS_LINK not in " + tables);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /**
     * Replaces the {@code --propertyValue=} of each key's {@code set-config-property} line, failing if
     * the shipped file no longer has exactly one such line per key (so a change of its shape breaks
     * this test rather than silently testing something else).
     */
    static String withValues(String shipped, Map<String, String> values) {
        String result = shipped;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Pattern line = Pattern.compile("(?m)^(set-config-property --source=jndi --propertyName="
                    + Pattern.quote(entry.getKey()) + " --propertyValue=)(\\S+)[ \\t]*$");
            Matcher matcher = line.matcher(result);
            List<String> found = new ArrayList<>();
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                found.add(matcher.group());
                matcher.appendReplacement(replaced, Matcher.quoteReplacement(matcher.group(1) + entry.getValue()));
            }
            matcher.appendTail(replaced);
            assertEquals(
                    1,
                    found.size(),
                    "expected exactly one active 'set-config-property --source=jndi --propertyName=" + entry.getKey()
                            + " --propertyValue=…' line in the shipped file, found " + found);
            result = replaced.toString();
        }
        return result;
    }

    private static void undeployIfDeployed(String name) {
        boolean deployed =
                server.asadmin("list-applications").output().lines().anyMatch(line -> line.startsWith(name + " "));
        if (deployed) {
            server.undeploy(name);
        }
    }

    private static void deployWatchingTheLog(Path archive, String name, String step) {
        long mark = serverLog.mark();
        try {
            // Kept per step: the harness keys its durations by application name, and fieldsync is deployed twice.
            deployDurations.put(step, server.deploy(archive, name));
        } finally {
            List<String> records = new ArrayList<>(serverLog.since(mark, "SEVERE"));
            records.addAll(serverLog.since(mark, "WARNING"));
            logByStep.put("deploy " + step, records);
        }
    }

    private static Readiness awaitReadiness(String what, Predicate<Readiness> condition) {
        return awaitReadiness(what, condition, READY_WAIT);
    }

    private static Readiness awaitReadiness(String what, Predicate<Readiness> condition, Duration timeout) {
        return Await.until(what, timeout, () -> readiness().filter(condition), () -> lastSeen)
                .value();
    }

    private static Optional<Readiness> readiness() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url("health/ready"))
                            .timeout(HTTP_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Readiness readiness = Readiness.parse(response.statusCode(), response.body());
            lastSeen = readiness.toString();
            return Optional.of(readiness);
        } catch (IOException e) {
            lastSeen = e.toString();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Saves a customer through the demo ERP's API, which fires the change to FieldSync in its transaction. */
    private static void saveCustomer(String key, String json) {
        long mark = serverLog.mark();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("demo-erp/erp/records/customer/" + key))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertEquals(
                200,
                response.statusCode(),
                () -> "PUT customer " + key + " " + json + " answered " + response.body() + "; server log:\n  "
                        + String.join("\n  ", serverLog.since(mark, "WARNING"))
                        + String.join("\n  ", serverLog.since(mark, "SEVERE")));
    }

    private static JsonObject awaitCompany(String code, Predicate<JsonObject> condition) {
        return Await.until(
                        "Odyssee has Company " + code + " as expected",
                        SYNC_WAIT,
                        () -> sim.records("Company").stream()
                                .filter(c -> code.equals(c.getString("code", null)))
                                .filter(condition)
                                .findFirst(),
                        () -> "Company rows " + sim.records("Company") + "; calls " + sim.calls())
                .value();
    }

    /** Company calls with this method, to the record {@code id} (null: any). */
    private static List<Call> companyCalls(String method, String id) {
        return sim.calls(method, "Company").stream()
                .filter(c -> id == null || c.path().endsWith("/" + id))
                .toList();
    }

    private static void createFileUser(String user, String password, String group) throws IOException {
        Path passwordFile = Files.writeString(
                work.resolve(user + ".password"), "AS_ADMIN_USERPASSWORD=" + password + "\n", StandardCharsets.UTF_8);
        // --passwordfile is an asadmin utility option: it must come before the subcommand.
        server.asadmin("--passwordfile", passwordFile.toString(), "create-file-user", "--groups", group, user);
    }

    private static HttpRequest withBasic(URI uri, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + token)
                .GET()
                .build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(request, (name, value) -> true)
                            .timeout(HTTP_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            lastSeen =
                    request.method() + " " + request.uri() + " → HTTP " + response.statusCode() + " " + response.body();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static URI url(String path) {
        return server.baseUrl().resolve(path);
    }

    private static Path artifact(String fileName) {
        String dir = System.getProperty("artifacts.dir");
        assertNotNull(dir, "system property artifacts.dir (set by Failsafe)");
        Path path = Path.of(dir, fileName);
        assertTrue(Files.isRegularFile(path), () -> "no " + path + "; build with mvn install first");
        return path;
    }

    private static Path projectRoot() {
        String root = System.getProperty("project.root");
        assertNotNull(root, "system property project.root (set by Failsafe)");
        return Path.of(root).toAbsolutePath().normalize();
    }

    private static long millis(Duration duration) {
        return duration == null ? -1 : duration.toMillis();
    }
}
