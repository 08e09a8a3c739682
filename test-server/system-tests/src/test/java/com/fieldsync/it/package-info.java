/**
 * FieldSync's system tests: what they share (waiting with a deadline); the suites live in the
 * subpackages, one per kind of server.
 */
package com.fieldsync.it;
