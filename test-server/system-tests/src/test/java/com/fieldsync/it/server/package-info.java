/**
 * Test harness for running FieldSync on a real Payara Server 6 (the full server the EAR is built
 * for; Payara Micro deploys WARs only).
 *
 * <p>{@link com.fieldsync.it.server.PayaraServerDomain} creates a fresh domain from the
 * distribution that the build unpacks into {@code target/servers/payara6}, starts it on free
 * loopback ports with no outbound calls, applies asadmin command files such as the shipped
 * {@code src/asadmin/*.asadmin}, deploys archives, measures start and deploy times, and always
 * stops what it started. Integration tests ({@code *IT}) in this package and below use it; they
 * run in Failsafe's {@code integration-test} phase.
 */
package com.fieldsync.it.server;
