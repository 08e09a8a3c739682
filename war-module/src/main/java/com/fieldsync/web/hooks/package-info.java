/**
 * Callbacks from platforms (Resco's webhooks). No role: each callback URL carries a per-hook secret
 * that only the platform knows, checked before anything is recorded.
 */
package com.fieldsync.web.hooks;
