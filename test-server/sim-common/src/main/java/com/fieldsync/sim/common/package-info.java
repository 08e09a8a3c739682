/**
 * What the platform simulators ({@code com.fieldsync.sim.odyssee}, {@code com.fieldsync.sim.resco}, {@code
 * com.fieldsync.sim.dynamics}) have in common, kept in one place so that they behave alike where their contracts
 * agree: queued {@link
 * com.fieldsync.sim.common.Fault faults} and the {@link com.fieldsync.sim.common.FaultingHandler} that plays them,
 * the movable {@link com.fieldsync.sim.common.SimClock}, the {@link com.fieldsync.sim.common.CallLog call log}, GUID
 * and timestamp syntax, and the small pieces of JDK {@code HttpServer} plumbing (request bodies, Basic auth, writing
 * answers, the {@code /_sim/} control surface, command-line options).
 *
 * <p>Nothing here knows a platform's wire format: error bodies, paths and date formats stay in each simulator.
 */
package com.fieldsync.sim.common;
