package com.fieldsync.odyssee;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.connector.Outcome;
import com.fieldsync.connector.PushRequest;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OdysseeConnectorTest {

    @Test
    void deleteIsRecordedWithoutACallBecauseOdysseeHasNoDeleteApi() {
        PushRequest delete = new PushRequest(
                EntityType.CUSTOMER,
                "C1",
                ChangeKind.DELETE,
                Map.of(),
                "11111111-2222-3333-4444-555555555555",
                PushRequest.LinkState.CONFIRMED,
                "hash",
                (t, k) -> Optional.empty(),
                proposed -> {
                    throw new AssertionError("a delete must not reserve a create");
                });
        // No settings and no client: reaching the network would fail this test.
        Outcome outcome = new OdysseeConnector().push(delete);
        Outcome.NotApplicable n = assertInstanceOf(Outcome.NotApplicable.class, outcome);
        assertTrue(n.reason().contains("no delete"), n.reason());
    }

    @Test
    void aReferenceNotYetOnOdysseeMakesTheChangeWaitWithoutACall() {
        PushRequest project = new PushRequest(
                EntityType.PROJECT,
                "P1",
                ChangeKind.UPSERT,
                Map.of("name", "Roof", "customer", "C9"),
                null,
                PushRequest.LinkState.NEW,
                null,
                (t, k) -> Optional.empty(),
                proposed -> {
                    throw new AssertionError("nothing may be reserved while a reference is missing");
                });
        Outcome.WaitingFor w = assertInstanceOf(Outcome.WaitingFor.class, new OdysseeConnector().push(project));
        assertTrue(w.type() == EntityType.CUSTOMER && w.erpKey().equals("C9"), w.toString());
    }
}
