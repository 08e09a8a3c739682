package com.fieldsync.sim.resco;

/**
 * One notification the simulator tried to send (or, paused, skipped). It is never retried: a Resco webhook that
 * fails is lost, which is why clients must also poll.
 *
 * @param hookId the hook it was for
 * @param entity the changed record's entity set
 * @param action {@code Create}, {@code Update} or {@code Delete}
 * @param url the callback URL
 * @param recordId the changed record's id, the body's {@code id}
 * @param status the callback's HTTP status, or 0 when there was none (see {@code error})
 * @param error why there was no answer (connection refused, timeout, webhooks paused), null when there was one
 */
public record WebhookDelivery(
        String hookId, String entity, String action, String url, String recordId, int status, String error) {

    /** Whether the callback answered 2xx. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
