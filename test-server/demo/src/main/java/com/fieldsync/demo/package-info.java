/**
 * The demo: starts the Odyssee and Resco simulators and Payara Micro with FieldSync and the demo
 * ERP, drives ERP traffic and mobile edits, and judges the result by comparing the ERP's records
 * with the platforms'.
 */
package com.fieldsync.demo;
