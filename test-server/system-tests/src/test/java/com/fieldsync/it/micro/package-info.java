/**
 * Arquillian tests on Payara Micro: the demo WAR (FieldSync + demo ERP) against the in-process
 * Odyssee simulator, black-box through the ERP's and FieldSync's HTTP APIs.
 */
package com.fieldsync.it.micro;
