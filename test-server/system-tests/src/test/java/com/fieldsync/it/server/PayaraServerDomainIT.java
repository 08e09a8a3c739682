package com.fieldsync.it.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves {@link PayaraServerDomain} on a real Payara Server 6: a fresh domain, an asadmin command
 * file, a WAR deployed and reached over HTTP, and MicroProfile Config reading a JNDI custom
 * resource named like the config key (as FieldSync's shipped configuration relies on).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerDomainIT {

    private static final String CONFIG_KEY = "fieldsync.odyssee.url";
    private static final String CONFIG_VALUE = "http://127.0.0.1:1234/";
    private static final String APP = "smoke";
    private static final Duration HTTP_WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static PayaraServerDomain server;

    @BeforeAll
    static void startDomainAndApplyConfiguration() {
        server = PayaraServerDomain.start("smoke");
        server.runCommandFile(resource("smoke-config.asadmin"));
    }

    @AfterAll
    static void stopDomain() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } finally {
            Duration deploy = server.deployDurations().get(APP);
            System.out.printf(
                    Locale.ROOT,
                    "PAYARA-SERVER start_ms=%d deploy_ms=%d http_ready_ms=%d create_ms=%d stop_ms=%d%n",
                    server.startDuration().toMillis(),
                    deploy == null ? -1 : deploy.toMillis(),
                    server.httpReadyDuration().toMillis(),
                    server.createDuration().toMillis(),
                    server.stopDuration().toMillis());
        }
    }

    @Test
    @Order(1)
    void domainListensOnLoopbackOnlyAndDoesNotPhoneHome() throws IOException {
        String phoneHome = server.asadmin(
                        "get", "configs.config.server-config.phone-home-runtime-configuration.enabled")
                .output();
        assertTrue(phoneHome.contains("phone-home-runtime-configuration.enabled=false"), phoneHome);

        // The proof that counts: nothing answers on this machine's other addresses.
        List<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        int base = server.portBase();
        int[] ports = {
            server.adminPort(),
            server.httpPort(),
            server.httpsPort(),
            base + PortBase.HAZELCAST_DAS,
            base + PortBase.IIOP,
            base + PortBase.JMS,
            base + PortBase.JMX
        };
        List<String> reachable = new ArrayList<>();
        for (InetAddress address : external) {
            for (int port : ports) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2_000);
                    reachable.add(address.getHostAddress() + ":" + port);
                } catch (IOException expected) {
                    // refused: not listening there
                }
            }
        }
        System.out.println("[payara-server] checked ports " + Arrays.toString(ports) + " on " + external);
        assertEquals(List.of(), reachable, "ports reachable from outside loopback (checked " + external + ")");
        // ... and everything does answer on loopback.
        assertEquals(200, server.awaitGet("", 200, HTTP_WAIT).statusCode());
    }

    @Test
    @Order(2)
    void commandFileCreatedTheJndiCustomResource() {
        String resources = server.asadmin("list-custom-resources").output();
        assertTrue(resources.lines().anyMatch(CONFIG_KEY::equals), () -> CONFIG_KEY + " not listed:\n" + resources);

        String attributes = server.asadmin("get", "resources.custom-resource.*").output();
        String valueLine = "resources.custom-resource." + CONFIG_KEY + ".property.value=" + CONFIG_VALUE;
        assertTrue(attributes.lines().anyMatch(valueLine::equals), () -> "no '" + valueLine + "' in:\n" + attributes);
    }

    @Test
    @Order(3)
    void failingLineInCommandFileIsReportedThoughMultimodeExitsZero() throws IOException {
        // Unquoted single backslashes are eaten by multimode's line parser, so this line fails;
        // the last line succeeds, which is all multimode's exit code reflects.
        Path file = Files.writeString(
                work.resolve("failing.asadmin"),
                """
                # a comment
                create-custom-resource --restype=java.lang.String --factoryclass=org.glassfish.resources.custom.factory.PrimitivesAndStringFactory --property value=http\\://127.0.0.1\\:1/ fieldsync.broken
                list-custom-resources
                """);

        AsadminException failure = assertThrows(AsadminException.class, () -> server.runCommandFile(file));

        assertTrue(failure.getMessage().contains("[create-custom-resource]"), failure::getMessage);
        assertEquals(0, failure.result().orElseThrow().exitCode(), "multimode's own exit code");
    }

    @Test
    @Order(4)
    void warIsServedOverHttpAndReadsJndiResourceThroughMicroProfileConfig() throws IOException {
        Path war = tinyWar(work.resolve(APP + ".war"));

        Duration took = server.deploy(war, APP, "--contextroot=" + APP);

        assertTrue(took.compareTo(Duration.ZERO) > 0);
        HttpResponse<String> index = server.awaitGet(APP + "/", 200, HTTP_WAIT);
        assertTrue(index.body().contains("FieldSync smoke"), index::body);

        HttpResponse<String> config = server.awaitGet(APP + "/config.jsp", 200, HTTP_WAIT);
        assertEquals(CONFIG_KEY + "=" + CONFIG_VALUE, config.body().strip(), "MicroProfile Config via JNDI");

        server.undeploy(APP);
        assertNotNull(server.awaitGet(APP + "/", 404, HTTP_WAIT));
    }

    /** A WAR with a static page and a JSP (compiled by the server) that reads MicroProfile Config. */
    private static Path tinyWar(Path target) throws IOException {
        Map<String, String> entries = Map.of(
                "WEB-INF/web.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
                """,
                "index.html",
                "<!DOCTYPE html><title>smoke</title><p>FieldSync smoke</p>\n",
                "config.jsp",
                """
                <%@ page contentType="text/plain;charset=UTF-8" \
                import="org.eclipse.microprofile.config.ConfigProvider" %>\
                KEY=<%= ConfigProvider.getConfig().getOptionalValue("KEY", String.class).orElse("<absent>") %>
                """
                        .replace("KEY", CONFIG_KEY));
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }

    private static Path resource(String name) {
        URL url = PayaraServerDomainIT.class.getResource(name);
        assertNotNull(url, "test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
