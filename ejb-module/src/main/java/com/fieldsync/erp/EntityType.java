package com.fieldsync.erp;

import java.util.List;

/**
 * The ERP record kinds FieldSync synchronises, with the field names each one understands.
 *
 * <p>Fields not listed are ignored, so an ERP may pass a whole row. A field that refers to another
 * record carries that record's ERP key; FieldSync resolves it to the platform's id and holds the
 * change until the referenced record has been synchronised.
 */
public enum EntityType {
    /** A technician or salesperson: {@code username, firstname, lastname}. */
    USER(List.of("username", "firstname", "lastname"), List.of()),
    /** A customer: {@code name, vat, phone, email, street, zip, city, country}. */
    CUSTOMER(List.of("name", "vat", "phone", "email", "street", "zip", "city", "country"), List.of()),
    /**
     * A customer's contact person: {@code firstname, lastname, email, phone}, {@code customer} (ERP
     * key of a CUSTOMER). Synchronised to platforms that have contacts (Resco); Odyssee has none.
     */
    CONTACT(List.of("firstname", "lastname", "email", "phone", "customer"), List.of("customer")),
    /** A project type: {@code name}. */
    PROJECT_TYPE(List.of("name"), List.of()),
    /** A project: {@code name}, {@code customer} (ERP key of a CUSTOMER), {@code projectType}. */
    PROJECT(List.of("name", "customer", "projectType"), List.of("customer", "projectType")),
    /** An article category: {@code name}. */
    ARTICLE_CATEGORY(List.of("name"), List.of()),
    /** An article: {@code description, price}, {@code category} (ERP key of an ARTICLE_CATEGORY). */
    ARTICLE(List.of("description", "price", "category"), List.of("category")),
    /**
     * A work order (Odyssee: a job, keyed by {@code reference_back_office}): {@code description},
     * {@code project} (ERP key of a PROJECT), {@code technician} (ERP key of the assigned USER),
     * {@code status} (a {@link JobStatus} name, label or GUID; checked against the workflow when
     * queued).
     */
    WORK_ORDER(List.of("description", "project", "technician", "status"), List.of("project", "technician"));

    private final List<String> fields;
    private final List<String> references;

    EntityType(List<String> fields, List<String> references) {
        this.fields = fields;
        this.references = references;
    }

    /** The field names this record kind synchronises. */
    public List<String> fields() {
        return fields;
    }

    /** The subset of {@link #fields()} that hold the ERP key of another record. */
    public List<String> references() {
        return references;
    }
}
