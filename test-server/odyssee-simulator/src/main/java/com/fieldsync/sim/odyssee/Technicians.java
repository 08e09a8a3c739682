package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Guids;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The technicians on the mobile app, scripted: what they do to a job shows up in the store exactly as the real app's
 * writes would (same validation as the API, every row stamped by the sim clock), so a test or the demo can make
 * Odyssee produce the export the connector polls for.
 *
 * <p>{@link #complete} walks a job to Completed by legal steps only, following this table (the next step from each
 * status; the all-zero GUID, a job never given a status, counts as Open):
 *
 * <table>
 * <caption>next step toward Completed</caption>
 * <tr><th>from</th><th>to</th></tr>
 * <tr><td>Waiting</td><td>Open</td></tr>
 * <tr><td>Open</td><td>Dispatched (assigns the technician: {@code user_id})</td></tr>
 * <tr><td>To be Planned, Pooling, Suggested</td><td>Planned</td></tr>
 * <tr><td>Dispatched</td><td>Planned (the technician accepts)</td></tr>
 * <tr><td>Dispatch - Rejected</td><td>Dispatched (assigns the technician)</td></tr>
 * <tr><td>Planned, Waiting Further Actions</td><td>In Progress</td></tr>
 * <tr><td>In Progress</td><td>Completed</td></tr>
 * </table>
 *
 * <p>Anything else is refused: the final statuses (Completed, Canceled, Workshop - Completed), the workshop
 * statuses (their path ends in Workshop - Completed, which this does not script) and unknown GUIDs. {@link #move}
 * sets any status without asking, for tests that need an illegal remote transition.
 *
 * <p>Thread-safe: each call holds the store's lock throughout, so concurrent completions never interleave.
 */
public final class Technicians {
    /** Job status Waiting (Odyssee's GUIDs are documented upper case; stored rows hold them lower case). */
    public static final String WAITING = "69268600-D3E0-4222-859F-06E47CF4041E";
    /** Job status Open; a job whose {@code job_status_id} is the all-zero GUID counts as Open. */
    public static final String OPEN = "8BA9DA71-EF32-423A-BB50-AE767315F55C";
    /** Job status Dispatched: assigned to a technician, who has not accepted yet. */
    public static final String DISPATCHED = "A60BC691-AB2F-42F5-8A5B-998A29A27537";
    /** Job status Planned. */
    public static final String PLANNED = "10F456D2-000E-48EA-93D7-E016107B7A98";
    /** Job status In Progress. */
    public static final String IN_PROGRESS = "F79E58EE-EE04-4590-BCB1-49E8BD551659";
    /** Job status Completed (final). */
    public static final String COMPLETED = "6557B9DC-6106-4327-8E26-6F24D0329C33";
    /** Job status Canceled (final). */
    public static final String CANCELED = "06EA451C-5863-4C97-9592-CC928DFDF869";
    /** Job status Workshop - Completed (final). */
    public static final String WORKSHOP_COMPLETED = "CE5F26ED-5FE0-47A3-94A7-1BF4402E32D0";

    private static final String TO_BE_PLANNED = "497ACFF2-9FF6-4C94-85DD-DAA0689553E2";
    private static final String POOLING = "8ADBC894-D612-DE11-BD84-0030488C6C36";
    private static final String SUGGESTED = "143CF9CD-C3C1-406A-A19A-58D766D9DDA9";
    private static final String DISPATCH_REJECTED = "EB014DA9-5850-4E16-B1E9-527162F1A9E0";
    private static final String WAITING_FURTHER_ACTIONS = "136E1585-DFF6-4990-BFC6-DBA958B71F30";

    /** The table in the class comment, keyed by normalised GUID. */
    private static final Map<String, String> NEXT_TOWARD_COMPLETED = Map.ofEntries(
            Map.entry(key(Guids.ZERO), DISPATCHED),
            Map.entry(key(WAITING), OPEN),
            Map.entry(key(OPEN), DISPATCHED),
            Map.entry(key(TO_BE_PLANNED), PLANNED),
            Map.entry(key(POOLING), PLANNED),
            Map.entry(key(SUGGESTED), PLANNED),
            Map.entry(key(DISPATCHED), PLANNED),
            Map.entry(key(DISPATCH_REJECTED), DISPATCHED),
            Map.entry(key(PLANNED), IN_PROGRESS),
            Map.entry(key(WAITING_FURTHER_ACTIONS), IN_PROGRESS),
            Map.entry(key(IN_PROGRESS), COMPLETED));

    private static final List<String> FINAL = List.of(key(COMPLETED), key(CANCELED), key(WORKSHOP_COMPLETED));

    private static final ControllerDef JOBS = Controllers.require("Jobs");
    private static final ControllerDef USER = Controllers.require("User");
    private static final ControllerDef ARTICLE = Controllers.require("Article");
    private static final ControllerDef PART_USAGE = Controllers.require("JobPartUsage");
    private static final ControllerDef NON_PART_USAGE = Controllers.require("JobNonPartUsage");
    private static final ControllerDef APPROVAL = Controllers.require("JobApproval");

    private final Store store;

    Technicians(Store store) {
        this.store = store;
    }

    /** Materials used on a job: a {@code JobPartUsage} row. */
    public record PartUse(String articleId, BigDecimal quantity) {
        /** Both required. */
        public PartUse {
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(quantity, "quantity");
        }

        /** For literals: {@code new PartUse(articleId, 1.5)}. */
        public PartUse(String articleId, double quantity) {
            this(articleId, BigDecimal.valueOf(quantity));
        }
    }

    /** Invoiceable time: a {@code JobNonPartUsage} row; a null {@code userId} means the completing technician. */
    public record TimeUse(String userId, BigDecimal hours) {
        /** {@code hours} required. */
        public TimeUse {
            Objects.requireNonNull(hours, "hours");
        }

        /** For literals: {@code new TimeUse(userId, 2.0)}. */
        public TimeUse(String userId, double hours) {
            this(userId, BigDecimal.valueOf(hours));
        }
    }

    /**
     * Completes a job as technician {@code userId} does on the app: moves it to Completed one status at a time (each
     * step an update stamped like an API PUT), then adds the part usages, the time usages and finally one non-daily
     * {@code JobApproval}, which schedules its approval PDF. Everything is checked before anything is written.
     *
     * @return the approval row
     * @throws IllegalStateException when the job's status has no legal way to Completed
     * @throws IllegalArgumentException for an unknown job, user or article, or what the API would refuse
     */
    public JsonObject complete(String jobId, String userId, List<PartUse> parts, List<TimeUse> time) {
        List<PartUse> partList = List.copyOf(parts);
        List<TimeUse> timeList = List.copyOf(time);
        return store.atomically(() -> {
            JsonObject job = require(JOBS, jobId);
            require(USER, userId);
            partList.forEach(part -> require(ARTICLE, part.articleId()));
            timeList.forEach(use -> require(USER, use.userId() == null ? userId : use.userId()));
            List<String> steps = stepsToCompleted(job.getString("job_status_id"));
            try {
                String id = job.getString(ControllerDef.ID);
                for (String status : steps) {
                    JsonObjectBuilder change = Json.createObjectBuilder().add("job_status_id", status);
                    if (status.equals(DISPATCHED)) {
                        change.add("user_id", userId);
                    }
                    store.update(JOBS, id, change.build());
                }
                for (PartUse part : partList) {
                    store.add(
                            PART_USAGE,
                            Json.createObjectBuilder()
                                    .add("jobs_id", id)
                                    .add("article_id", part.articleId())
                                    .add("quantity", part.quantity())
                                    .build());
                }
                for (TimeUse use : timeList) {
                    store.add(
                            NON_PART_USAGE,
                            Json.createObjectBuilder()
                                    .add("jobs_id", id)
                                    .add("user_id", use.userId() == null ? userId : use.userId())
                                    .add("duration", use.hours())
                                    .build());
                }
                return store.add(
                        APPROVAL,
                        Json.createObjectBuilder()
                                .add("jobs_id", id)
                                .add("is_daily_approval", false)
                                .build());
            } catch (ApiException e) {
                throw e.asIllegalArgument();
            }
        });
    }

    /**
     * Sets a job's status in one update, legal or not (no workflow check), as a misbehaving app or an admin might.
     *
     * @return the updated job row
     * @throws IllegalArgumentException for an unknown job or a status that is not a GUID
     */
    public JsonObject move(String jobId, String statusId) {
        return store.atomically(() -> {
            JsonObject job = require(JOBS, jobId);
            try {
                return store.update(
                        JOBS,
                        job.getString(ControllerDef.ID),
                        Json.createObjectBuilder()
                                .add("job_status_id", Objects.requireNonNull(statusId, "statusId"))
                                .build());
            } catch (ApiException e) {
                throw e.asIllegalArgument();
            }
        });
    }

    /**
     * The statuses {@link #complete} moves a job in {@code statusId} through, in order, ending with Completed.
     *
     * @throws IllegalStateException when there is no legal way to Completed (final, workshop or unknown status)
     */
    static List<String> stepsToCompleted(String statusId) {
        List<String> steps = new ArrayList<>();
        String at = key(statusId);
        do {
            String next = NEXT_TOWARD_COMPLETED.get(at);
            if (next == null) {
                throw new IllegalStateException("a technician cannot complete a job in status " + statusId + ": "
                        + (FINAL.contains(at) ? "it is final" : "no legal way to Completed (workshop or unknown)"));
            }
            steps.add(next);
            at = key(next);
        } while (!at.equals(key(COMPLETED)));
        return steps;
    }

    private JsonObject require(ControllerDef def, String id) {
        Optional<JsonObject> row = store.find(def, id);
        return row.orElseThrow(() -> new IllegalArgumentException("no " + def.name() + " with id '" + id + "'"));
    }

    private static String key(String guid) {
        return Guids.normalize(guid);
    }
}
