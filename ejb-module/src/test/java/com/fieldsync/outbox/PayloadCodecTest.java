package com.fieldsync.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    @Test
    void equalFieldsGiveEqualTextWhateverTheirOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "ACME");
        a.put("city", "Gent");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("city", "Gent");
        b.put("name", "ACME");
        assertEquals(PayloadCodec.write(a), PayloadCodec.write(b));
    }

    @Test
    void roundTripsTextNumbersAndBooleans() {
        Map<String, Object> fields = Map.of("name", "ACME", "price", new BigDecimal("12.50"), "active", true);
        Map<String, Object> back = PayloadCodec.read(PayloadCodec.write(fields));
        assertEquals("ACME", back.get("name"));
        assertEquals(0, new BigDecimal("12.50").compareTo((BigDecimal) back.get("price")));
        assertEquals(true, back.get("active"));
    }
}
