/**
 * An in-memory, faithful HTTP peer of the Odyssee Mobile REST API (wire contract: {@code docs/remote-apis.md}
 * section 1), so that the FieldSync Odyssee connector can be tested, demonstrated and load-tested without the
 * real cloud service.
 *
 * <p>{@link com.fieldsync.sim.odyssee.OdysseeSimulator} is the entry point: started in-process by tests and the demo
 * (Java API: seed rows, read what the connector stored, move the clock, inject faults, inspect the call log), or
 * standalone through its {@code main} with a small control surface under {@code /_sim/} for out-of-process use.
 *
 * <p>It also plays the mobile side, so that there is something to export: {@link
 * com.fieldsync.sim.odyssee.Technicians} complete jobs as a technician on the app would (legal status steps, part and
 * time usages, then the job approval), and {@code ApprovalPdfs} is Odyssee's late PDF
 * queue: each non-daily approval's PDF appears as a {@code DbFile} only once the simulated clock has passed the
 * approval by a configurable delay. Both write through the same store and validation as the API, and every stamp
 * comes from the movable {@link com.fieldsync.sim.common.SimClock}, so tests can stop time to make many rows share
 * one {@code modified_dateutc} and move it to make the PDFs due.
 *
 * <p>The simulator is deliberately strict where the real service is strict (no nulls, unknown fields, foreign keys,
 * duplicate codes) so that a connector that passes against it does not learn bad habits; where the contract says
 * "assumed", it follows that assumption.
 */
package com.fieldsync.sim.odyssee;
