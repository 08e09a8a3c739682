/** FieldSync's web module: the JAX-RS application that hosts the admin API and health checks. */
package com.fieldsync.web;
