/** The admin REST API (role {@code fieldsync-admin}): connector status, queue depth, dead letters. */
package com.fieldsync.web.admin;
