package com.fieldsync.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void seventeenStatusesWithOdysseesExactGuids() {
        assertEquals(17, JobStatus.values().length);
        assertEquals(
                17,
                Stream.of(JobStatus.values())
                        .map(JobStatus::id)
                        .collect(Collectors.toSet())
                        .size());
        assertEquals(
                JobStatus.OPEN,
                JobStatus.byId("8ba9da71-ef32-423a-bb50-ae767315f55c").orElseThrow());
        assertEquals("6557B9DC-6106-4327-8E26-6F24D0329C33", JobStatus.COMPLETED.id());
        assertTrue(JobStatus.byId("00000000-0000-0000-0000-000000000000").isEmpty());
    }

    @Test
    void statedTransitionsAreAllowed() {
        assertEquals(
                EnumSet.of(
                        JobStatus.TO_BE_PLANNED,
                        JobStatus.POOLING,
                        JobStatus.SUGGESTED,
                        JobStatus.DISPATCHED,
                        JobStatus.WORKSHOP),
                JobStatus.OPEN.next());
        for (JobStatus s : Set.of(JobStatus.TO_BE_PLANNED, JobStatus.POOLING, JobStatus.SUGGESTED)) {
            assertEquals(Set.of(JobStatus.PLANNED), s.next());
        }
        assertEquals(Set.of(JobStatus.PLANNED, JobStatus.DISPATCH_REJECTED), JobStatus.DISPATCHED.next());
        assertTrue(JobStatus.PLANNED
                .next()
                .containsAll(Set.of(JobStatus.IN_PROGRESS, JobStatus.CANCELED, JobStatus.WORKSHOP)));
        assertTrue(JobStatus.DISPATCH_REJECTED.next().contains(JobStatus.CANCELED));
        assertEquals(Set.of(JobStatus.WAITING_FURTHER_ACTIONS, JobStatus.COMPLETED), JobStatus.IN_PROGRESS.next());
        assertEquals(Set.of(JobStatus.WORKSHOP_IN_QUEUE), JobStatus.WORKSHOP.next(), "no reject for a workshop job");
        assertEquals(Set.of(JobStatus.IN_PROGRESS_WORKSHOP), JobStatus.WORKSHOP_IN_QUEUE.next());
        assertEquals(
                Set.of(JobStatus.WORKSHOP_WAITING_FURTHER_ACTION, JobStatus.WORKSHOP_COMPLETED),
                JobStatus.IN_PROGRESS_WORKSHOP.next());
    }

    @Test
    void everyStatusHasARowAndFinalStatusesLeadNowhere() {
        for (JobStatus s : JobStatus.values()) {
            s.next(); // throws if the table lacks the status
        }
        assertTrue(JobStatus.COMPLETED.next().isEmpty());
        assertTrue(JobStatus.WORKSHOP_COMPLETED.next().isEmpty());
        assertTrue(JobStatus.CANCELED.next().isEmpty());
        assertFalse(JobStatus.WAITING.next().isEmpty(), "decided: Waiting leads on");
        assertFalse(JobStatus.WAITING_FURTHER_ACTIONS.next().isEmpty(), "decided");
        assertFalse(JobStatus.WORKSHOP_WAITING_FURTHER_ACTION.next().isEmpty(), "decided");
    }

    @Test
    void illegalTransitionIsRefusedNamingBothStatuses() {
        String refusal = JobStatus.OPEN.refusal(JobStatus.COMPLETED, true).orElseThrow();
        assertTrue(refusal.contains("'Open'") && refusal.contains("'Completed'"), refusal);
        String fromFinal = JobStatus.COMPLETED.refusal(JobStatus.OPEN, true).orElseThrow();
        assertTrue(fromFinal.contains("final status"), fromFinal);
    }

    @Test
    void dispatchedAndWorkshopNeedAnAssignedUser() {
        String refusal = JobStatus.OPEN.refusal(JobStatus.DISPATCHED, false).orElseThrow();
        assertTrue(refusal.contains("'Open'") && refusal.contains("'Dispatched'") && refusal.contains("assigned user"));
        assertTrue(JobStatus.OPEN.refusal(JobStatus.WORKSHOP, false).isPresent());
        assertTrue(JobStatus.OPEN.refusal(JobStatus.DISPATCHED, true).isEmpty());
        assertTrue(JobStatus.OPEN.refusal(JobStatus.TO_BE_PLANNED, false).isEmpty());
    }

    @Test
    void parseAcceptsNameLabelAndGuidAndNamesTheChoicesOtherwise() {
        assertEquals(JobStatus.IN_PROGRESS, JobStatus.parse("IN_PROGRESS"));
        assertEquals(JobStatus.IN_PROGRESS, JobStatus.parse("In Progress"));
        assertEquals(JobStatus.DISPATCH_REJECTED, JobStatus.parse("Dispatch - Rejected"));
        assertEquals(JobStatus.COMPLETED, JobStatus.parse("6557b9dc-6106-4327-8e26-6f24d0329c33"));
        WorkflowException e =
                org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, () -> JobStatus.parse("Done"));
        assertTrue(e.getMessage().contains("'Done'") && e.getMessage().contains("IN_PROGRESS"), e.getMessage());
    }

    @Test
    void remoteMovesMayJumpAlongAllowedPathsButNotAgainstThem() {
        // four allowed moves between two polls
        assertTrue(JobStatus.OPEN.pathRefusal(JobStatus.COMPLETED, true).isEmpty());
        assertTrue(JobStatus.PLANNED.pathRefusal(JobStatus.PLANNED, false).isEmpty());
        String back =
                JobStatus.COMPLETED.pathRefusal(JobStatus.IN_PROGRESS, true).orElseThrow();
        assertTrue(back.contains("'Completed'") && back.contains("'In Progress'"), back);
        assertTrue(JobStatus.OPEN.pathRefusal(JobStatus.WAITING, true).isPresent(), "nothing leads to Waiting");
        String unassigned =
                JobStatus.OPEN.pathRefusal(JobStatus.DISPATCHED, false).orElseThrow();
        assertTrue(unassigned.contains("assigned user"), unassigned);
    }

    @Test
    void erpRequestsMayOnlyTakeOneAllowedStep() {
        String jump = JobStatus.OPEN.refusal(JobStatus.COMPLETED, true).orElseThrow();
        assertTrue(jump.contains("'Open'") && jump.contains("'Completed'"), jump);
        String unassigned = JobStatus.OPEN.refusal(JobStatus.WORKSHOP, false).orElseThrow();
        assertTrue(unassigned.contains("'Open'") && unassigned.contains("'Workshop'"), unassigned);
        assertTrue(JobStatus.OPEN.refusal(JobStatus.DISPATCHED, true).isEmpty());
    }
}
