/**
 * The demo: starts the Odyssee simulator and Payara Micro with FieldSync and the demo ERP, drives
 * ERP traffic, and judges the result by comparing the ERP's records with the platform's.
 */
package com.fieldsync.demo;
