package com.fieldsync.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErpChangeTest {

    @Test
    void numbersBecomeBigDecimalsAndNullsAreDropped() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("price", 12);
        fields.put("ratio", 0.5);
        fields.put("vat", null);
        ErpChange c = ErpChange.upsert(EntityType.ARTICLE, "A1", fields);
        assertEquals(new BigDecimal("12"), c.fields().get("price"));
        assertEquals(new BigDecimal("0.5"), c.fields().get("ratio"));
        assertFalse(c.fields().containsKey("vat"));
    }

    @Test
    void refusesABlankKeyAndUnsupportedValueTypesNamingTheField() {
        assertThrows(IllegalArgumentException.class, () -> ErpChange.upsert(EntityType.CUSTOMER, " ", Map.of()));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ErpChange.upsert(EntityType.CUSTOMER, "C1", Map.of("since", LocalDate.of(2020, 1, 1))));
        assertTrue(e.getMessage().contains("'since'"), e.getMessage());
    }

    @Test
    void deleteCarriesNoFields() {
        ErpChange d = ErpChange.delete(EntityType.USER, "U1");
        assertEquals(ChangeKind.DELETE, d.kind());
        assertTrue(d.fields().isEmpty());
    }
}
