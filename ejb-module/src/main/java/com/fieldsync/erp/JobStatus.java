package com.fieldsync.erp;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Odyssee's 17 job statuses with their fixed GUIDs, and the job-status workflow as one table: for
 * each status, the statuses a job may move to next. Stated by Odyssee's workflow page, except the
 * three the page leaves open, decided here (marked "decided"):
 *
 * <ul>
 *   <li>Waiting → Open (the reason for waiting is gone) or Canceled.
 *   <li>Waiting Further Actions → In Progress (work resumes on the same visit), Planned or To be
 *       Planned (a new visit is needed), or Canceled.
 *   <li>Workshop - Waiting further action → In progress (W) (work resumes), Workshop in queue (back
 *       to the queue), or Canceled.
 * </ul>
 *
 * Completed, Workshop - Completed and Canceled are final.
 */
public enum JobStatus {
    WAITING("Waiting", "69268600-D3E0-4222-859F-06E47CF4041E"),
    OPEN("Open", "8BA9DA71-EF32-423A-BB50-AE767315F55C"),
    TO_BE_PLANNED("To be Planned", "497ACFF2-9FF6-4C94-85DD-DAA0689553E2"),
    POOLING("Pooling", "8ADBC894-D612-DE11-BD84-0030488C6C36"),
    SUGGESTED("Suggested", "143CF9CD-C3C1-406A-A19A-58D766D9DDA9"),
    DISPATCHED("Dispatched", "A60BC691-AB2F-42F5-8A5B-998A29A27537"),
    DISPATCH_REJECTED("Dispatch - Rejected", "EB014DA9-5850-4E16-B1E9-527162F1A9E0"),
    WORKSHOP("Workshop", "E2BC66AF-BD10-4035-8AA1-7AD88CB35723"),
    WORKSHOP_IN_QUEUE("Workshop in queue", "41A3718F-EAA1-4EF4-9A82-2CCF3FA92BCC"),
    PLANNED("Planned", "10F456D2-000E-48EA-93D7-E016107B7A98"),
    IN_PROGRESS("In Progress", "F79E58EE-EE04-4590-BCB1-49E8BD551659"),
    IN_PROGRESS_WORKSHOP("In progress (W)", "FC28469F-C276-4FF5-ABB7-B99F5AEE4C7D"),
    WAITING_FURTHER_ACTIONS("Waiting Further Actions", "136E1585-DFF6-4990-BFC6-DBA958B71F30"),
    WORKSHOP_WAITING_FURTHER_ACTION("Workshop - Waiting further action", "1C6F7A61-3723-450B-8158-19A90D60CBD9"),
    CANCELED("Canceled", "06EA451C-5863-4C97-9592-CC928DFDF869"),
    COMPLETED("Completed", "6557B9DC-6106-4327-8E26-6F24D0329C33"),
    WORKSHOP_COMPLETED("Workshop - Completed", "CE5F26ED-5FE0-47A3-94A7-1BF4402E32D0");

    /** The workflow: from each status, where a job may go next. */
    private static final Map<JobStatus, Set<JobStatus>> NEXT = Map.ofEntries(
            Map.entry(WAITING, EnumSet.of(OPEN, CANCELED)), // decided
            Map.entry(OPEN, EnumSet.of(TO_BE_PLANNED, POOLING, SUGGESTED, DISPATCHED, WORKSHOP)),
            Map.entry(TO_BE_PLANNED, EnumSet.of(PLANNED)),
            Map.entry(POOLING, EnumSet.of(PLANNED)),
            Map.entry(SUGGESTED, EnumSet.of(PLANNED)),
            Map.entry(DISPATCHED, EnumSet.of(PLANNED, DISPATCH_REJECTED)),
            Map.entry(
                    PLANNED,
                    EnumSet.of(IN_PROGRESS, CANCELED, TO_BE_PLANNED, POOLING, SUGGESTED, DISPATCHED, WORKSHOP)),
            Map.entry(DISPATCH_REJECTED, EnumSet.of(CANCELED, TO_BE_PLANNED, POOLING, SUGGESTED, DISPATCHED, WORKSHOP)),
            Map.entry(IN_PROGRESS, EnumSet.of(WAITING_FURTHER_ACTIONS, COMPLETED)),
            Map.entry(WAITING_FURTHER_ACTIONS, EnumSet.of(IN_PROGRESS, PLANNED, TO_BE_PLANNED, CANCELED)), // decided
            Map.entry(WORKSHOP, EnumSet.of(WORKSHOP_IN_QUEUE)),
            Map.entry(WORKSHOP_IN_QUEUE, EnumSet.of(IN_PROGRESS_WORKSHOP)),
            Map.entry(IN_PROGRESS_WORKSHOP, EnumSet.of(WORKSHOP_WAITING_FURTHER_ACTION, WORKSHOP_COMPLETED)),
            Map.entry(
                    WORKSHOP_WAITING_FURTHER_ACTION,
                    EnumSet.of(IN_PROGRESS_WORKSHOP, WORKSHOP_IN_QUEUE, CANCELED)), // decided
            Map.entry(CANCELED, EnumSet.noneOf(JobStatus.class)),
            Map.entry(COMPLETED, EnumSet.noneOf(JobStatus.class)),
            Map.entry(WORKSHOP_COMPLETED, EnumSet.noneOf(JobStatus.class)));

    private static final Map<String, JobStatus> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(s -> s.id.toLowerCase(Locale.ROOT), Function.identity()));

    private final String label;
    private final String id;

    JobStatus(String label, String id) {
        this.label = label;
        this.id = id;
    }

    /** Odyssee's name for the status, as its users see it. */
    public String label() {
        return label;
    }

    /** Odyssee's GUID of the status ({@code job_status_id}). */
    public String id() {
        return id;
    }

    /** The statuses a job in this status may move to. */
    public Set<JobStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    /** Whether a job must have an assigned user to be in this status. */
    public boolean needsAssignedUser() {
        return this == DISPATCHED || this == WORKSHOP;
    }

    /** The status with this GUID (any case), if it is one of Odyssee's. */
    public static Optional<JobStatus> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * The status named by {@code text}: its constant name ({@code IN_PROGRESS}), its label ({@code
     * In Progress}) or its GUID, ignoring case.
     *
     * @throws WorkflowException naming the accepted values
     */
    public static JobStatus parse(String text) {
        if (text != null) {
            String t = text.trim();
            Optional<JobStatus> byId = byId(t);
            if (byId.isPresent()) {
                return byId.get();
            }
            for (JobStatus s : values()) {
                if (s.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_')) || s.label.equalsIgnoreCase(t)) {
                    return s;
                }
            }
        }
        throw new WorkflowException("'" + text + "' is not an Odyssee job status; use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                + " (or its label or GUID)");
    }

    /**
     * Why a job may not move from this status to {@code to}, naming both, or empty if it may.
     *
     * @param assignedUser whether the job has an assigned user
     */
    public Optional<String> refusal(JobStatus to, boolean assignedUser) {
        if (!NEXT.get(this).contains(to)) {
            return Optional.of(
                    "a job cannot move from '" + label + "' to '" + to.label + "'; from '" + label + "' it may move to "
                            + (NEXT.get(this).isEmpty() ? "nothing (final status)" : labels(NEXT.get(this))));
        }
        if (to.needsAssignedUser() && !assignedUser) {
            return Optional.of("a job cannot move from '" + label + "' to '" + to.label + "' without an assigned user");
        }
        return Optional.empty();
    }

    /**
     * Why a job reported in this status cannot be in {@code to} now, or empty if it can. Polling sees
     * only the latest status, so several allowed moves may lie between two reads: a remote change is
     * possible if some sequence of allowed moves leads from here to {@code to}.
     *
     * @param assignedUser whether the job has an assigned user now
     */
    public Optional<String> pathRefusal(JobStatus to, boolean assignedUser) {
        if (to == this) {
            return Optional.empty();
        }
        Set<JobStatus> seen = EnumSet.of(this);
        java.util.Deque<JobStatus> next = new java.util.ArrayDeque<>(List.of(this));
        while (!next.isEmpty() && !seen.contains(to)) {
            for (JobStatus s : NEXT.get(next.poll())) {
                if (seen.add(s)) {
                    next.add(s);
                }
            }
        }
        if (!seen.contains(to)) {
            return Optional.of(
                    "a job cannot get from '" + label + "' to '" + to.label + "' by any sequence of allowed moves");
        }
        if (to.needsAssignedUser() && !assignedUser) {
            return Optional.of("a job cannot be in '" + to.label + "' (from '" + label + "') without an assigned user");
        }
        return Optional.empty();
    }

    private static String labels(Set<JobStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.label + "'").collect(Collectors.joining(", "));
    }
}
