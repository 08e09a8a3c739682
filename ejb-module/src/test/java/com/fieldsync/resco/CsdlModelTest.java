package com.fieldsync.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsdlModelTest {

    /** The shape the Resco simulator serves (test-server/resco-simulator ... Metadata.csdl). */
    static final String RESCO_STYLE =
            """
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="RescoCrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="_resco_baseentity_" Abstract="true"/>
                  <EntityType Name="account" BaseType="RescoCrm._resco_baseentity_">
                    <Key>
                      <PropertyRef Name="id"/>
                    </Key>
                    <Property Name="id" Type="Edm.Guid" Nullable="false"/>
                    <Property Name="name" Type="Edm.String" MaxLength="160" Nullable="false"/>
                    <Property Name="accountnumber" Type="Edm.String" MaxLength="20"/>
                    <Property Name="revenue" Type="Edm.Decimal"/>
                    <Property Name="modifiedon" Type="Edm.DateTimeOffset"/>
                    <Property Name="versionnumber" Type="Edm.Int64"/>
                  </EntityType>
                  <EntityType Name="contact" BaseType="RescoCrm._resco_baseentity_">
                    <Key>
                      <PropertyRef Name="id"/>
                    </Key>
                    <Property Name="id" Type="Edm.Guid" Nullable="false"/>
                    <Property Name="lastname" Type="Edm.String" MaxLength="50" Nullable="false"/>
                    <Property Name="__parentcustomerid_id" Type="Edm.Guid"/>
                    <NavigationProperty Name="parentcustomerid" Type="RescoCrm.account"/>
                  </EntityType>
                  <EntityContainer Name="RescoCrmContainer">
                    <EntitySet Name="account" EntityType="RescoCrm.account"/>
                    <EntitySet Name="contact" EntityType="RescoCrm.contact"/>
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;

    private static CsdlModel parse(String xml) {
        return CsdlModel.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesTheRescoStyleDocument() {
        CsdlModel model = parse(RESCO_STYLE);
        assertEquals(Set.of("account", "contact"), model.entitySets().keySet());
        assertEquals(
                Map.of(
                        "id", "Edm.Guid",
                        "name", "Edm.String",
                        "accountnumber", "Edm.String",
                        "revenue", "Edm.Decimal",
                        "modifiedon", "Edm.DateTimeOffset",
                        "versionnumber", "Edm.Int64"),
                model.properties("account").orElseThrow());
        Map<String, String> contact = model.properties("contact").orElseThrow();
        assertEquals("Edm.Guid", contact.get("__parentcustomerid_id"));
        assertFalse(contact.containsKey("parentcustomerid"), "a navigation property is not an attribute");
        assertTrue(model.properties("product").isEmpty());
        assertTrue(model.properties("_resco_baseentity_").isEmpty(), "abstract type without a set");
    }

    @Test
    void inheritsPropertiesFromBaseTypesIncludingAliasedOnes() {
        String xml =
                """
                <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
                  <edmx:DataServices>
                    <Schema Namespace="RescoCrm" Alias="rc" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                      <EntityType Name="base" Abstract="true">
                        <Property Name="id" Type="Edm.Guid"/>
                        <Property Name="modifiedon" Type="Edm.DateTimeOffset"/>
                        <Property Name="versionnumber" Type="Edm.Int64"/>
                      </EntityType>
                      <EntityType Name="named" BaseType="rc.base">
                        <Property Name="name" Type="Edm.String"/>
                      </EntityType>
                      <EntityType Name="product" BaseType="named">
                        <Property Name="price" Type="Edm.Decimal"/>
                        <Property Name="name" Type="Edm.Int32"/>
                      </EntityType>
                      <EntityContainer Name="c">
                        <EntitySet Name="products" EntityType="rc.product"/>
                      </EntityContainer>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """;
        CsdlModel model = parse(xml);
        assertEquals(Set.of("products"), model.entitySets().keySet());
        assertEquals(
                Map.of(
                        "id", "Edm.Guid",
                        "modifiedon", "Edm.DateTimeOffset",
                        "versionnumber", "Edm.Int64",
                        "name", "Edm.Int32",
                        "price", "Edm.Decimal"),
                model.properties("products").orElseThrow(),
                "own properties win over inherited ones, through two levels");
    }

    @Test
    void modelWithoutEntityContainerNamesSetsAfterTypes() {
        String xml =
                """
                <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
                  <edmx:DataServices>
                    <Schema Namespace="RescoCrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                      <EntityType Name="_resco_baseentity_" Abstract="true">
                        <Property Name="id" Type="Edm.Guid"/>
                      </EntityType>
                      <EntityType Name="account" BaseType="RescoCrm._resco_baseentity_">
                        <Property Name="name" Type="Edm.String"/>
                      </EntityType>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """;
        CsdlModel model = parse(xml);
        assertEquals(
                Map.of("id", "Edm.Guid", "name", "Edm.String"),
                model.properties("account").orElseThrow());
    }

    @Test
    void complexTypePropertiesDoNotLeakIntoEntityTypes() {
        String xml =
                """
                <Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="account"><Property Name="name" Type="Edm.String"/></EntityType>
                  <ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>
                  <EntityContainer Name="c"><EntitySet Name="account" EntityType="N.account"/></EntityContainer>
                </Schema>
                """;
        assertEquals(
                Map.of("name", "Edm.String"), parse(xml).properties("account").orElseThrow());
    }

    @Test
    void malformedXmlIsAnIllegalArgumentWithAMessage() {
        for (String broken :
                new String[] {"<edmx:Edmx xmlns:edmx=\"x\"><Schema Namespace=\"N\">", "not xml at all", "", "<a></b>"
                }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(broken), broken);
            assertNotNull(e.getMessage(), broken);
            assertTrue(e.getMessage().startsWith("$metadata "), e.getMessage());
        }
    }

    /** What an external entity or DTD would inject if the parser fetched it. */
    private static final String LEAK = "<Property Name=\"leaked\" Type=\"Edm.String\"/>";

    /**
     * Documents whose DTD reaches for external entities, a local file and a local HTTP server:
     * whatever the parser does, it must be refused (IllegalArgumentException) or parsed without
     * fetching anything. Both sources hand back markup that would show up as a property, and the
     * server counts its requests, so a resolution the model does not show is caught as well.
     */
    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("entity.xml"), LEAK);
        Path dtd = Files.writeString(dir.resolve("external.dtd"), "<!ENTITY e '" + LEAK + "'>");
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = (exchange.getRequestURI().getPath().endsWith(".dtd") ? "<!ENTITY e '" + LEAK + "'>" : LEAK)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String http = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            String prolog = "<?xml version=\"1.0\"?>\n";
            String inText = "<Schema Namespace=\"N\"><EntityType Name=\"t\">&e;"
                    + "<Property Name=\"p\" Type=\"Edm.String\"/></EntityType></Schema>";
            String inAttribute = "<Schema Namespace=\"N\"><EntityType Name=\"t\"><Property Name=\"p\" Type=\"&e;\"/>"
                    + "</EntityType></Schema>";
            List<String> documents = List.of(
                    prolog + "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + file.toUri() + "\">]>\n" + inText,
                    prolog + "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + http + "entity.xml\">]>\n" + inText,
                    prolog + "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + file.toUri() + "\">]>\n" + inAttribute,
                    prolog + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" + inText,
                    prolog + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" + inAttribute,
                    prolog + "<!DOCTYPE x SYSTEM \"" + dtd.toUri() + "\">\n" + inText,
                    prolog + "<!DOCTYPE x SYSTEM \"" + http + "external.dtd\">\n" + inText,
                    prolog + "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + http + "external.dtd\"> %p;]>\n" + inText);
            String passwd = Files.isReadable(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "";
            String root = passwd.lines().findFirst().orElse("");
            for (String doc : documents) {
                String seen;
                try {
                    seen = parse(doc).toString();
                } catch (IllegalArgumentException refused) {
                    seen = String.valueOf(refused.getMessage());
                } catch (RuntimeException other) {
                    fail("only IllegalArgumentException may escape, got " + other + " for\n" + doc, other);
                    return;
                }
                assertFalse(seen.contains("leaked"), "resolved an external entity: " + seen + "\n" + doc);
                assertTrue(root.isEmpty() || !seen.contains(root), "read /etc/passwd: " + seen);
                assertEquals(0, fetched.get(), "fetched over HTTP for\n" + doc);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void internalEntityExpansionIsNotABomb() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE x [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"");
            dtd.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String doc = dtd + "<Schema Namespace=\"N\"><EntityType Name=\"t\"><Property Name=\"p\" Type=\"&a9;\"/>"
                + "</EntityType></Schema>";
        try {
            CsdlModel model = parse(doc);
            String type =
                    model.properties("t").map(p -> p.getOrDefault("p", "")).orElse("");
            assertTrue(type.length() < 1000, "expanded: " + type.length() + " characters");
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
        }
    }
}
