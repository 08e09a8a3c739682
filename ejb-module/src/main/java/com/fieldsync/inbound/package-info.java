/**
 * Mobile → ERP: polled feeds of what technicians did on the platforms, delivered to the ERP once
 * each, in order, inside a JTA transaction that also moves the feed's cursor and records the item
 * as applied. A lease row per feed (database clock) lets one server instance at a time advance a
 * feed; the applied-item log makes a second delivery impossible even if two instances raced.
 * Platform connectors contribute the feeds ({@link com.fieldsync.inbound.InboundFeed}).
 */
package com.fieldsync.inbound;
