/**
 * The Odyssee Mobile connector, both ways. Out: maps ERP records (work orders included) to Odyssee's
 * controllers, resolves references through the link table and turns every HTTP result into an
 * outcome the outbox understands; {@link com.fieldsync.odyssee.JobWorkflow} refuses illegal job
 * statuses before they are queued. Back: the export feeds (mobile customers, job statuses,
 * approvals with their parts and time, approval PDFs) that the inbound engine delivers to the ERP.
 */
package com.fieldsync.odyssee;
