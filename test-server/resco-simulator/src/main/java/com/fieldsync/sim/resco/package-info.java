/**
 * An in-memory, faithful HTTP peer of the Resco Cloud OData v4 service (wire contract: {@code docs/remote-apis.md}
 * section 2), so that the FieldSync Resco connector can be tested, demonstrated and load-tested without a Resco
 * organisation.
 *
 * <p>{@link com.fieldsync.sim.resco.RescoSimulator} is the entry point: started in-process by tests and the demo (Java
 * API: seed and edit records as a mobile user would, read what the connector stored, move the clock, inject faults,
 * drift the {@link com.fieldsync.sim.resco.Schema schema}, watch webhook deliveries, inspect the call log), or
 * standalone through its {@code main} with a small control surface under {@code /_sim/} for out-of-process use.
 *
 * <p>It serves what a connector needs of OData v4: the service document and CSDL {@code $metadata} generated from one
 * schema table, {@code $filter}/{@code $select}/{@code $orderby}/{@code $top}/{@code $skip}/{@code $expand} with
 * server paging by opaque {@code @odata.nextLink}, writes with etags and {@code If-Match}, and webhooks that, as
 * Resco's, say only a record's id and are never retried. It is deliberately strict where a real service is strict
 * (types, MaxLength, required attributes, lookups, unknown names) so that a connector that passes against it does
 * not learn bad habits; where the contract says "assumed", it follows that assumption.
 */
package com.fieldsync.sim.resco;
