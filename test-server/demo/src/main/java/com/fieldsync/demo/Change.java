package com.fieldsync.demo;

/**
 * One committed ERP save, as the load generator made it.
 *
 * @param type the demo ERP's record type path ({@code customer}, {@code project}, …)
 * @param key the record's ERP key
 * @param marker the revision written into the record's marked field, or 0 when the save changed only
 *     fields FieldSync does not synchronise (no call expected)
 * @param startNanos {@link System#nanoTime()} when the save was sent to the ERP
 */
public record Change(String type, String key, int marker, long startNanos) {}
