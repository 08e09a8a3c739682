/**
 * The Odyssee Mobile connector: maps ERP records to Odyssee's controllers, resolves references
 * through the link table and turns every HTTP result into an outcome the outbox understands.
 */
package com.fieldsync.odyssee;
