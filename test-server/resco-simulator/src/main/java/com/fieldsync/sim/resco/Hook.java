package com.fieldsync.sim.resco;

/**
 * A registered webhook: after every {@code action} on a record of {@code entity}, the simulator POSTs {@code
 * {"id":"<record id>"}} to {@code callbackUrl}.
 *
 * @param id the hook's id, the last segment of the URL that deletes it
 * @param entity the entity set it watches
 * @param action {@code Create}, {@code Update} or {@code Delete}
 * @param callbackUrl where the notifications go
 */
public record Hook(String id, String entity, String action, String callbackUrl) {}
