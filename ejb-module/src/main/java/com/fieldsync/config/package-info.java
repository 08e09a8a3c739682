/**
 * Admin settings, read through MicroProfile Config (on Payara: JNDI custom resources named like the
 * key, set with asadmin or a post-boot file). Bad values are reported with the key's name.
 */
package com.fieldsync.config;
