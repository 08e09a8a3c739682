/** MicroProfile Health checks: liveness, and readiness per platform connector. */
package com.fieldsync.web.health;
