package com.fieldsync.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.config.MapConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {

    private static final RescoMapping CUSTOMER_ONLY = RescoMapping.from(MapConfig.settings(Map.of(
            "fieldsync.resco.types", "CUSTOMER",
            "fieldsync.resco.mapping.CUSTOMER", "account: accountnumber=@key, name=name")));

    private static final RescoMapping DEFAULTS = RescoMapping.from(MapConfig.settings(Map.of()));

    private static final List<String> DEFAULT_SETS = List.of("account", "contact", "product", "resco_workorder");

    private static Map<String, String> account() {
        Map<String, String> p = new HashMap<>();
        p.put("id", "Edm.Guid");
        p.put("modifiedon", "Edm.DateTimeOffset");
        p.put("versionnumber", "Edm.Int64");
        p.put("accountnumber", "Edm.String");
        p.put("name", "Edm.String");
        return p;
    }

    private static CsdlModel model(Map<String, String> account) {
        return new CsdlModel(Map.of("account", Map.copyOf(account)));
    }

    private static String only(List<String> problems) {
        assertEquals(1, problems.size(), "problems: " + problems);
        return problems.get(0);
    }

    @Test
    void allFineIsNoProblem() {
        assertEquals(List.of(), Drift.problems(CUSTOMER_ONLY, List.of("account", "contact"), model(account()), true));
        assertEquals(List.of(), Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account()), false));
    }

    @Test
    void defaultMappingMatchesTheSimulatorsMetadata() {
        // the defaults checked against the CSDL the Resco simulator serves, in the simulator's shape
        String xml =
                """
                <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
                  <edmx:DataServices>
                    <Schema Namespace="RescoCrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                      <EntityType Name="_resco_baseentity_" Abstract="true"/>
                      %s
                      <EntityContainer Name="RescoCrmContainer">
                        <EntitySet Name="account" EntityType="RescoCrm.account"/>
                        <EntitySet Name="contact" EntityType="RescoCrm.contact"/>
                        <EntitySet Name="product" EntityType="RescoCrm.product"/>
                        <EntitySet Name="resco_workorder" EntityType="RescoCrm.resco_workorder"/>
                      </EntityContainer>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """
                        .formatted(type(
                                        "account",
                                        "name:String",
                                        "accountnumber:String",
                                        "emailaddress1:String",
                                        "telephone1:String",
                                        "address1_line1:String",
                                        "address1_city:String",
                                        "address1_postalcode:String",
                                        "address1_country:String",
                                        "address1_latitude:Double",
                                        "revenue:Decimal",
                                        "vatid:String")
                                + type(
                                        "contact",
                                        "firstname:String",
                                        "lastname:String",
                                        "emailaddress1:String",
                                        "telephone1:String",
                                        "__parentcustomerid_id:Guid")
                                + type(
                                        "product",
                                        "name:String",
                                        "productnumber:String",
                                        "price:Decimal",
                                        "description:String")
                                + type(
                                        "resco_workorder",
                                        "name:String",
                                        "description:String",
                                        "__accountid_id:Guid",
                                        "scheduledstart:DateTimeOffset",
                                        "statuscode:Int32"));
        CsdlModel model = CsdlModel.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), Drift.problems(DEFAULTS, DEFAULT_SETS, model, true));
    }

    private static String type(String name, String... properties) {
        StringBuilder xml =
                new StringBuilder("<EntityType Name=\"" + name + "\" BaseType=\"RescoCrm._resco_baseentity_\">"
                        + "<Property Name=\"id\" Type=\"Edm.Guid\" Nullable=\"false\"/>");
        for (String p : properties) {
            String[] nt = p.split(":");
            xml.append("<Property Name=\"")
                    .append(nt[0])
                    .append("\" Type=\"Edm.")
                    .append(nt[1])
                    .append("\"/>");
        }
        return xml.append("<Property Name=\"modifiedon\" Type=\"Edm.DateTimeOffset\"/>")
                .append("<Property Name=\"versionnumber\" Type=\"Edm.Int64\"/></EntityType>")
                .toString();
    }

    @Test
    void missingMappedAttributeIsNamedWithItsSet() {
        Map<String, String> account = account();
        account.remove("name");
        String p = only(Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account), true));
        assertTrue(p.contains("'account.name'"), p);
        assertTrue(p.contains("CUSTOMER.name"), p);
        assertTrue(p.contains("missing"), p);
    }

    @Test
    void missingKeyAttributeSaysItIsForTheErpKey() {
        Map<String, String> account = account();
        account.remove("accountnumber");
        String p = only(Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account), false));
        assertTrue(p.contains("'account.accountnumber'"), p);
        assertTrue(p.contains("the ERP key"), p);
    }

    @Test
    void incompatibleTypeNamesBothTypes() {
        Map<String, String> account = account();
        account.put("name", "Edm.Int32");
        String p = only(Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account), true));
        assertTrue(p.contains("'account.name'"), p);
        assertTrue(p.contains("Edm.Int32"), p);
        assertTrue(p.contains("Edm.String"), p);
    }

    @Test
    void numberAcceptsAnyNumericTypeButNotText() {
        RescoMapping articles = RescoMapping.from(MapConfig.settings(Map.of("fieldsync.resco.types", "ARTICLE")));
        Map<String, String> product = new HashMap<>(
                Map.of("id", "Edm.Guid", "productnumber", "Edm.String", "name", "Edm.String", "price", "Edm.Double"));
        assertEquals(
                List.of(),
                Drift.problems(
                        articles, List.of("product"), new CsdlModel(Map.of("product", Map.copyOf(product))), false));
        product.put("price", "Edm.String");
        String p = only(Drift.problems(
                articles, List.of("product"), new CsdlModel(Map.of("product", Map.copyOf(product))), false));
        assertTrue(p.contains("'product.price' is Edm.String"), p);
        assertTrue(p.contains("Edm.Decimal"), p);
    }

    @Test
    void lookupMustBeAGuid() {
        RescoMapping contacts =
                RescoMapping.from(MapConfig.settings(Map.of("fieldsync.resco.types", "CONTACT,CUSTOMER")));
        Map<String, String> contact = Map.of(
                "id", "Edm.Guid",
                "firstname", "Edm.String",
                "lastname", "Edm.String",
                "emailaddress1", "Edm.String",
                "telephone1", "Edm.String",
                "__parentcustomerid_id", "Edm.String");
        Map<String, String> account = account();
        for (String a : List.of(
                "vatid",
                "telephone1",
                "emailaddress1",
                "address1_line1",
                "address1_postalcode",
                "address1_city",
                "address1_country")) {
            account.put(a, "Edm.String");
        }
        String p = only(Drift.problems(
                contacts,
                List.of("account", "contact"),
                new CsdlModel(Map.of("contact", contact, "account", Map.copyOf(account))),
                false));
        assertTrue(p.contains("'contact.__parentcustomerid_id' is Edm.String"), p);
        assertTrue(p.contains("CONTACT.customer needs Edm.Guid"), p);
    }

    @Test
    void setMissingFromTheServiceDocumentIsNamed() {
        String p = only(Drift.problems(CUSTOMER_ONLY, List.of("contact", "product"), model(account()), true));
        assertTrue(p.contains("'account'"), p);
        assertTrue(p.contains("CUSTOMER"), p);
        assertTrue(p.contains("service document"), p);
    }

    @Test
    void setMissingFromMetadataIsNamed() {
        String p = only(Drift.problems(CUSTOMER_ONLY, List.of("account"), new CsdlModel(Map.of()), true));
        assertTrue(p.contains("$metadata has no entity type for entity set 'account'"), p);
    }

    @Test
    void idIsAlwaysNeeded() {
        Map<String, String> account = account();
        account.remove("id");
        String p = only(Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account), false));
        assertTrue(p.contains("'account.id'"), p);
    }

    @Test
    void changeTrackingAttributesAreCheckedOnlyForInbound() {
        Map<String, String> account = account();
        account.remove("modifiedon");
        account.put("versionnumber", "Edm.String");
        assertEquals(List.of(), Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account), false));

        List<String> problems = Drift.problems(CUSTOMER_ONLY, List.of("account"), model(account), true);
        assertEquals(2, problems.size(), "problems: " + problems);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("'account.modifiedon'") && p.contains("missing")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("'account.versionnumber' is Edm.String")),
                problems.toString());
    }
}
