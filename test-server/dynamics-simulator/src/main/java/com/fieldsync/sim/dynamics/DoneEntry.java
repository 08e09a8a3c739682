package com.fieldsync.sim.dynamics;

import java.time.Instant;

/**
 * One {@code {id, receiptHandle}} a {@code done} call carried, and what became of it. {@code done} answers {@code
 * {"success":true}} whatever the outcomes: only this log tells them apart.
 *
 * @param appArea the application area of the call, upper-case
 * @param id the packet id sent
 * @param receiptHandle the receipt handle sent
 * @param outcome what it did
 * @param at the simulator's clock when it arrived
 */
public record DoneEntry(String appArea, String id, String receiptHandle, Outcome outcome, Instant at) {

    /** What one entry of a {@code done} call did. */
    public enum Outcome {
        /** The handle was the packet's current one: the packet is done and never listed again. */
        ACKNOWLEDGED,
        /** The packet is queued but was listed again since: the handle is stale, nothing changed. */
        STALE_RECEIPT_HANDLE,
        /** The packet was already done: nothing changed. */
        ALREADY_DONE,
        /** No packet with this id in the application area: nothing changed. */
        UNKNOWN_ID
    }
}
