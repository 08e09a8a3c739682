/**
 * System test of {@code fieldsync.ear} on a real Payara Server 6 domain (the full server the EAR is
 * built for): deployment without configuration, the shipped asadmin configuration file, the demo EAR
 * carrying an ERP change to the Odyssee simulator, the admin API's file-realm security, and the
 * {@code fieldsync.datasource} setting of the persistence unit.
 *
 * <p>{@link com.fieldsync.it.ear.FieldSyncEarIT} drives one domain for the whole class through
 * {@link com.fieldsync.it.server.PayaraServerDomain}; the other classes here are its helpers.
 */
package com.fieldsync.it.ear;
