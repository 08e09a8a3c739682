/**
 * The small interface every mobile platform adapter implements. The core (outbox, links) talks
 * only to these types and never imports a platform package.
 */
package com.fieldsync.connector;
