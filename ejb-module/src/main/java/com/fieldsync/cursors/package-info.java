/**
 * Cursors of polled feeds (mobile to ERP): a keyset watermark on (modified time, id) with a
 * look-back window and de-duplication, so rows sharing a timestamp across a page boundary and rows
 * committed late with an older timestamp are neither lost nor applied twice.
 */
package com.fieldsync.cursors;
