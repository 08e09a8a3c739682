/**
 * An in-memory, faithful HTTP peer of the Odyssee Mobile REST API (wire contract: {@code docs/remote-apis.md}
 * section 1), so that the FieldSync Odyssee connector can be tested, demonstrated and load-tested without the
 * real cloud service.
 *
 * <p>{@link com.fieldsync.sim.odyssee.OdysseeSimulator} is the entry point: started in-process by tests and the demo
 * (Java API: seed rows, read what the connector stored, move the clock, inject faults, inspect the call log), or
 * standalone through its {@code main} with a small control surface under {@code /_sim/} for out-of-process use.
 *
 * <p>The simulator is deliberately strict where the real service is strict (no nulls, unknown fields, foreign keys,
 * duplicate codes) so that a connector that passes against it does not learn bad habits; where the contract says
 * "assumed", it follows that assumption.
 */
package com.fieldsync.sim.odyssee;
