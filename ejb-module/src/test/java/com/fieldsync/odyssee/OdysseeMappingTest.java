package com.fieldsync.odyssee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fieldsync.connector.PushRequest;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.ErpChange;
import com.fieldsync.odyssee.api.Article;
import com.fieldsync.odyssee.api.Company;
import com.fieldsync.odyssee.api.OdysseeRecord;
import com.fieldsync.odyssee.api.Project;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OdysseeMappingTest {

    private static PushRequest request(
            EntityType type, String key, Map<String, ?> fields, PushRequest.References refs) {
        ErpChange c = ErpChange.upsert(type, key, fields);
        return new PushRequest(
                type,
                key,
                ChangeKind.UPSERT,
                c.fields(),
                "11111111-2222-3333-4444-555555555555",
                PushRequest.LinkState.NEW,
                null,
                refs,
                proposed -> proposed);
    }

    @Test
    void customerBecomesCompanyWithDefaultsInsteadOfNulls() throws Exception {
        OdysseeMapping.Mapped m = OdysseeMapping.map(request(
                EntityType.CUSTOMER, "C1", Map.of("name", "ACME", "creditLimit", "9"), (t, k) -> Optional.empty()));
        Company c = (Company) m.record();
        assertEquals("C1", c.code);
        assertEquals("ACME", c.name);
        assertEquals("", c.vat);
        assertEquals("11111111-2222-3333-4444-555555555555", c.id);
        try (var jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(c);
            assertEquals(false, json.contains("null"), json);
            assertEquals(false, json.contains("creditLimit"), json);
        }
    }

    @Test
    void projectWaitsForItsCustomerInsteadOfSendingAZeroGuid() {
        OdysseeMapping.Mapped m = OdysseeMapping.map(request(
                EntityType.PROJECT, "P1", Map.of("name", "Roof", "customer", "C1"), (t, k) -> Optional.empty()));
        assertNull(m.record());
        assertEquals(new OdysseeMapping.Missing(EntityType.CUSTOMER, "C1"), m.missing());
    }

    @Test
    void projectReferencesResolveToPlatformIds() {
        PushRequest.References refs = (t, k) -> Optional.of(t == EntityType.CUSTOMER ? "c-guid" : "t-guid");
        Project p = (Project) OdysseeMapping.map(request(
                        EntityType.PROJECT, "P1", Map.of("name", "Roof", "customer", "C1", "projectType", "T1"), refs))
                .record();
        assertEquals("c-guid", p.companyId);
        assertEquals("t-guid", p.projectTypeId);
    }

    @Test
    void optionalReferenceLeftEmptyIsTheZeroGuid() {
        Article a = (Article) OdysseeMapping.map(request(
                        EntityType.ARTICLE,
                        "A1",
                        Map.of("description", "Bolt", "price", "1.25"),
                        (t, k) -> Optional.empty()))
                .record();
        assertEquals(OdysseeRecord.NO_REFERENCE, a.articleCategoryId);
        assertEquals(new BigDecimal("1.25"), a.price);
    }

    @Test
    void malformedPriceIsRefusedNamingTheValue() {
        org.junit.jupiter.api.Assertions.assertThrows(
                NumberFormatException.class,
                () -> OdysseeMapping.map(
                        request(EntityType.ARTICLE, "A1", Map.of("price", "twelve"), (t, k) -> Optional.empty())));
    }
}
