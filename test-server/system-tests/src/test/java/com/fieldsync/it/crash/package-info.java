/** Crash tests: Payara Micro killed with SIGKILL under ERP load, restarted on the same database. */
package com.fieldsync.it.crash;
