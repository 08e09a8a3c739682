package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The service document, the CSDL $metadata and how schema drift shows in them and in answers. */
class ServiceDocumentTest extends SimulatorTest {
    private static final String EDMX = "http://docs.oasis-open.org/odata/ns/edmx";
    private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";

    @Test
    void theServiceDocumentListsEveryEntitySetUnderTheOrganizationsBaseUrl() {
        assertEquals("http://127.0.0.1:" + sim.port() + "/odata/v4/" + ORG + "/", sim.baseUrl());

        TestClient.Reply reply = client.get("");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        assertEquals(sim.baseUrl() + "$metadata", reply.json().getString("@odata.context"));
        List<String> names = new ArrayList<>();
        for (JsonValue entry : reply.value()) {
            JsonObject set = entry.asJsonObject();
            assertEquals("EntitySet", set.getString("kind"));
            assertEquals(set.getString("name"), set.getString("url"));
            names.add(set.getString("name"));
        }
        assertEquals(List.of("account", "contact", "product", "resco_workorder"), names);
        assertEquals("Account", reply.value().getJsonObject(0).getString("title"));
    }

    @Test
    void metadataIsCsdlGeneratedFromTheSchemaTable() throws Exception {
        TestClient.Reply reply = client.get("$metadata");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/xml"), reply.header("Content-Type"));
        Document csdl = parse(reply.body());
        Element edmx = csdl.getDocumentElement();
        assertEquals(EDMX, edmx.getNamespaceURI());
        assertEquals("Edmx", edmx.getLocalName());
        assertEquals("4.0", edmx.getAttribute("Version"));
        assertEquals(1, edmx.getElementsByTagNameNS(EDMX, "DataServices").getLength());
        Element schema = (Element) csdl.getElementsByTagNameNS(EDM, "Schema").item(0);
        assertEquals("RescoCrm", schema.getAttribute("Namespace"));

        Element account = entityType(csdl, "account");
        Element key =
                (Element) account.getElementsByTagNameNS(EDM, "PropertyRef").item(0);
        assertEquals("id", key.getAttribute("Name"));
        Element name = property(account, "name");
        assertEquals("Edm.String", name.getAttribute("Type"));
        assertEquals("160", name.getAttribute("MaxLength"));
        assertEquals("false", name.getAttribute("Nullable"));
        assertEquals("Edm.Guid", property(account, "id").getAttribute("Type"));
        assertEquals("Edm.DateTimeOffset", property(account, "modifiedon").getAttribute("Type"));
        assertEquals("Edm.Int64", property(account, "versionnumber").getAttribute("Type"));
        assertEquals("Edm.Double", property(account, "address1_latitude").getAttribute("Type"));
        assertEquals("Edm.Boolean", property(account, "donotemail").getAttribute("Type"));
        assertEquals(
                "Edm.Decimal", property(entityType(csdl, "product"), "price").getAttribute("Type"));
        assertEquals(
                "Edm.Int32",
                property(entityType(csdl, "resco_workorder"), "statuscode").getAttribute("Type"));

        Element contact = entityType(csdl, "contact");
        assertEquals("Edm.Guid", property(contact, "__parentcustomerid_id").getAttribute("Type"));
        Element navigation = (Element)
                contact.getElementsByTagNameNS(EDM, "NavigationProperty").item(0);
        assertEquals("parentcustomerid", navigation.getAttribute("Name"));
        assertEquals("RescoCrm.account", navigation.getAttribute("Type"));

        NodeList sets = ((Element)
                        csdl.getElementsByTagNameNS(EDM, "EntityContainer").item(0))
                .getElementsByTagNameNS(EDM, "EntitySet");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sets.getLength(); i++) {
            names.add(((Element) sets.item(i)).getAttribute("Name"));
        }
        assertEquals(List.of("account", "contact", "product", "resco_workorder"), names);
        assertEquals("RescoCrm.contact", ((Element) sets.item(1)).getAttribute("EntityType"));
    }

    @Test
    void aDroppedAttributeLeavesMetadataAnswersAndWritesUntilRestored() throws Exception {
        String id = sim.put("account", obj("name", "Acme", "vatid", "BE0123")).getString("id");

        sim.schema().drop("account", "vatid");

        assertNull(property(entityType(parse(client.get("$metadata").body()), "account"), "vatid"));
        assertFalse(client.get("account(" + id + ")").json().containsKey("vatid"));
        TestClient.Reply write = client.post("account", obj("name", "Beta", "vatid", "BE0456"));
        assertEquals(400, write.status());
        assertTrue(write.message().contains("vatid"), write.message());
        assertEquals(400, client.get("account?$select=vatid").status());

        sim.reset();
        assertNotNull(property(entityType(parse(client.get("$metadata").body()), "account"), "vatid"));
    }

    @Test
    void aRetypedAttributeShowsItsNewTypeAndOldValuesItCannotHoldReadAsNull() throws Exception {
        String id =
                sim.put("account", obj("name", "Acme", "accountnumber", "A-1")).getString("id");

        sim.schema().retype("account", "accountnumber", EdmType.INT32, null);

        Element accountnumber =
                property(entityType(parse(client.get("$metadata").body()), "account"), "accountnumber");
        assertEquals("Edm.Int32", accountnumber.getAttribute("Type"));
        assertFalse(accountnumber.hasAttribute("MaxLength"));
        assertEquals(JsonValue.NULL, client.get("account(" + id + ")").json().get("accountnumber"));
        assertEquals(
                400,
                client.post("account", obj("name", "B", "accountnumber", "A-2")).status());
        TestClient.Reply created = client.post("account", obj("name", "C", "accountnumber", 42));
        assertEquals(201, created.status());
        assertEquals(42, created.json().getInt("accountnumber"));
    }

    @Test
    void aShorterMaxLengthIsEnforcedOnWrites() {
        sim.schema().retype("account", "telephone1", EdmType.STRING, 5);

        assertEquals(
                400,
                client.post("account", obj("name", "A", "telephone1", "123456")).status());
        assertEquals(
                201,
                client.post("account", obj("name", "A", "telephone1", "12345")).status());
    }

    @Test
    void unknownEntitySetsAndOtherOrganizationsAre404WithAnODataError() {
        TestClient.Reply unknown = client.get("invoice");
        assertEquals(404, unknown.status());
        assertTrue(unknown.message().contains("invoice"), unknown.message());
        assertEquals("NotFound", unknown.json().getJsonObject("error").getString("code"));

        assertEquals(404, client.get(sim.serverUrl() + "odata/v4/other/account").status());
        assertEquals(501, client.post("$batch", "{}").status());
    }

    /** A CSDL parser as a careful client builds one: no DTDs, so no XXE. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element entityType(Document csdl, String name) {
        NodeList types = csdl.getElementsByTagNameNS(EDM, "EntityType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (type.getAttribute("Name").equals(name)) {
                return type;
            }
        }
        throw new AssertionError("no EntityType " + name);
    }

    /** The Property element, or null. */
    static Element property(Element entityType, String name) {
        NodeList properties = entityType.getElementsByTagNameNS(EDM, "Property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("Name").equals(name)) {
                return property;
            }
        }
        return null;
    }
}
