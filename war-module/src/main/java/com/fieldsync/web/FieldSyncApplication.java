package com.fieldsync.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** FieldSync's HTTP API under {@code /api}: the admin API now, webhooks and ingest later. */
@ApplicationPath("api")
public class FieldSyncApplication extends Application {}
