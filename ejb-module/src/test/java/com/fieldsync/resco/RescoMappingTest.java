package com.fieldsync.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.config.MapConfig;
import com.fieldsync.erp.EntityType;
import com.fieldsync.resco.RescoMapping.Attr;
import com.fieldsync.resco.RescoMapping.EntityMap;
import com.fieldsync.resco.RescoMapping.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RescoMappingTest {

    private static final String CUSTOMER_KEY = "fieldsync.resco.mapping.CUSTOMER";
    private static final String CONTACT_KEY = "fieldsync.resco.mapping.CONTACT";
    private static final String TYPES_KEY = "fieldsync.resco.types";

    private static RescoMapping mapping(Map<String, String> values) {
        return RescoMapping.from(MapConfig.settings(values));
    }

    /** The one problem the mapping reports; fails if there is none or more than one. */
    private static String onlyProblem(Map<String, String> values) {
        RescoMapping m = mapping(values);
        assertEquals(1, m.problems().size(), "problems: " + m.problems());
        return m.problems().get(0);
    }

    private static Attr attr(EntityMap m, String attribute) {
        return m.attributes().stream()
                .filter(a -> a.attribute().equals(attribute))
                .findFirst()
                .orElseThrow(() -> new AssertionError(attribute + " is not mapped in " + m));
    }

    @Test
    void defaultsForTheFourDefaultKindsParseWithoutProblems() {
        RescoMapping m = mapping(Map.of());
        assertEquals(List.of(), m.problems());
        assertEquals(
                Set.of(EntityType.CUSTOMER, EntityType.CONTACT, EntityType.ARTICLE, EntityType.WORK_ORDER),
                m.entities().keySet());
        assertEquals("account", m.of(EntityType.CUSTOMER).orElseThrow().entitySet());
        assertEquals("contact", m.of(EntityType.CONTACT).orElseThrow().entitySet());
        assertEquals("product", m.of(EntityType.ARTICLE).orElseThrow().entitySet());
        assertEquals(
                "resco_workorder", m.of(EntityType.WORK_ORDER).orElseThrow().entitySet());
        assertEquals(
                "accountnumber",
                m.of(EntityType.CUSTOMER).orElseThrow().key().orElseThrow().attribute());
        assertEquals(EntityType.CUSTOMER, m.ofSet("account").orElseThrow().type());
        assertTrue(m.of(EntityType.USER).isEmpty());
    }

    @Test
    void eachDefaultParsesOnItsOwn() {
        for (Map.Entry<EntityType, String> d : RescoMapping.DEFAULTS.entrySet()) {
            List<String> problems = new java.util.ArrayList<>();
            assertTrue(
                    RescoMapping.parse(d.getKey(), d.getValue(), problems).isPresent(), d.getKey() + ": " + problems);
            assertEquals(List.of(), problems, d.getKey().name());
        }
    }

    @Test
    void customMappingReplacesTheDefault() {
        RescoMapping m = mapping(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name=name"));
        assertEquals(List.of(), m.problems());
        EntityMap customer = m.of(EntityType.CUSTOMER).orElseThrow();
        assertEquals("account", customer.entitySet());
        assertEquals(
                List.of(new Attr("accountnumber", null, Kind.KEY, null), new Attr("name", "name", Kind.TEXT, null)),
                customer.attributes());
        assertEquals("account: accountnumber=@key, name=name", customer.toString());
    }

    @Test
    void typesRestrictTheKindsAndAcceptAnyCase() {
        RescoMapping m = mapping(Map.of(TYPES_KEY, " customer , article ,"));
        assertEquals(List.of(), m.problems());
        assertEquals(
                Set.of(EntityType.CUSTOMER, EntityType.ARTICLE), m.entities().keySet());
    }

    @Test
    void referenceFieldBecomesALookupToItsKind() {
        EntityMap contact = mapping(Map.of()).of(EntityType.CONTACT).orElseThrow();
        assertEquals(
                new Attr("__parentcustomerid_id", "customer", Kind.LOOKUP, EntityType.CUSTOMER),
                attr(contact, "__parentcustomerid_id"));
        assertEquals(Kind.TEXT, attr(contact, "lastname").kind());
    }

    @Test
    void priceBecomesANumberAndDescriptionText() {
        EntityMap article = mapping(Map.of()).of(EntityType.ARTICLE).orElseThrow();
        assertEquals(new Attr("price", "price", Kind.NUMBER, null), attr(article, "price"));
        assertEquals(Kind.TEXT, attr(article, "name").kind());
        assertEquals(Kind.KEY, attr(article, "productnumber").kind());
    }

    @Test
    void missingColonNamesTheKeyAndTheText() {
        String p = onlyProblem(Map.of(CUSTOMER_KEY, "accountnumber=@key, name=name"));
        assertTrue(p.startsWith(CUSTOMER_KEY + " must start with the entity set"), p);
        assertTrue(p.contains("'accountnumber=@key, name=name'"), p);
    }

    @Test
    void emptyEntitySetIsRefused() {
        String p = onlyProblem(Map.of(CUSTOMER_KEY, ": name=name"));
        assertTrue(p.startsWith(CUSTOMER_KEY + " must start with the entity set"), p);
    }

    @Test
    void unknownErpFieldNamesKeyAttributeAndField() {
        String p = onlyProblem(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name=nickname"));
        assertTrue(p.startsWith(CUSTOMER_KEY + " maps name from 'nickname'"), p);
        assertTrue(p.contains("not a field of CUSTOMER"), p);
        assertTrue(mapping(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name=nickname"))
                .of(EntityType.CUSTOMER)
                .isEmpty());
    }

    @Test
    void pairWithoutEqualsIsRefused() {
        String p = onlyProblem(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name"));
        assertTrue(p.startsWith(CUSTOMER_KEY + ": 'name' is not 'attribute=erpField'"), p);
    }

    @Test
    void attributesKeptByRescoCannotBeMapped() {
        for (String system : List.of("id", "modifiedon", "versionnumber")) {
            String p = onlyProblem(Map.of(CUSTOMER_KEY, "account: " + system + "=name"));
            assertTrue(p.startsWith(CUSTOMER_KEY + ": " + system + " is kept by Resco"), p);
        }
    }

    @Test
    void attributeMappedTwiceIsNamed() {
        String p = onlyProblem(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name=name, name=city"));
        assertEquals(CUSTOMER_KEY + " maps name twice", p);
    }

    @Test
    void twoKeysAreRefused() {
        String p = onlyProblem(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name=@key"));
        assertEquals(CUSTOMER_KEY + " maps @key to more than one attribute", p);
        assertTrue(mapping(Map.of(CUSTOMER_KEY, "account: accountnumber=@key, name=@key"))
                .of(EntityType.CUSTOMER)
                .isEmpty());
    }

    @Test
    void mappingWithoutAttributesIsRefused() {
        assertEquals(CUSTOMER_KEY + " maps no attribute", onlyProblem(Map.of(CUSTOMER_KEY, "account:")));
    }

    @Test
    void unknownTypeInTypesIsNamed() {
        String p = onlyProblem(Map.of(TYPES_KEY, "CUSTOMER, GADGET"));
        assertTrue(p.startsWith(TYPES_KEY + " lists 'GADGET'"), p);
        assertTrue(p.contains("not a record kind"), p);
    }

    @Test
    void kindWithoutDefaultNeedsItsMapping() {
        String p = onlyProblem(Map.of(TYPES_KEY, "CUSTOMER, USER"));
        assertTrue(p.startsWith("fieldsync.resco.mapping.USER is not set"), p);
        RescoMapping m = mapping(
                Map.of(TYPES_KEY, "CUSTOMER, USER", "fieldsync.resco.mapping.USER", "systemuser: domainname=@key"));
        assertEquals(List.of(), m.problems());
        assertEquals("systemuser", m.of(EntityType.USER).orElseThrow().entitySet());
    }

    @Test
    void lookupToAKindNotSynchronisedIsNamed() {
        String p = onlyProblem(Map.of(TYPES_KEY, "CONTACT"));
        assertTrue(p.startsWith(CONTACT_KEY + " fills __parentcustomerid_id from 'customer', a CUSTOMER"), p);
        assertTrue(p.contains(TYPES_KEY + " does not list"), p);
    }

    @Test
    void brokenTargetMappingIsNotReportedAsUnlisted() {
        // CUSTOMER is listed (by default) but its mapping is broken: that is the one problem, not
        // also a CONTACT lookup to a kind "which fieldsync.resco.types does not list"
        RescoMapping m = mapping(Map.of(CUSTOMER_KEY, "account accountnumber=@key"));
        assertEquals(1, m.problems().size(), m.problems().toString());
        assertTrue(m.problems().get(0).startsWith(CUSTOMER_KEY), m.problems().toString());
        assertTrue(m.of(EntityType.CUSTOMER).isEmpty());
    }

    @Test
    void lookupToASynchronisedKindIsFine() {
        assertEquals(List.of(), mapping(Map.of(TYPES_KEY, "CONTACT,CUSTOMER")).problems());
    }
}
