/**
 * The transactional outbox: ERP changes are written here in the ERP's own transaction, then claimed,
 * coalesced per record and pushed to the platforms by the dispatcher, with retries and a dead-letter
 * state an admin can replay or discard.
 */
package com.fieldsync.outbox;
