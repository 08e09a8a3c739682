package com.fieldsync.demo;

import java.util.List;

/**
 * How a demo ERP record type appears on Odyssee: its controller, which synced fields to compare,
 * which field carries the load generator's revision marker, and its references.
 */
enum RecordKind {
    CUSTOMER("customer", "Company", "name", List.of("name", "city", "country"), null, null),
    PROJECT_TYPE("project_type", "ProjectType", "name", List.of("name"), null, null),
    PROJECT("project", "Project", "name", List.of("name"), "customer", "company_id"),
    ARTICLE_CATEGORY("article_category", "ArticleCategory", "name", List.of("name"), null, null),
    ARTICLE("article", "Article", "description", List.of("description"), "category", "article_category_id"),
    USER("user", "User", "lastname", List.of("username", "firstname", "lastname"), null, null);

    final String path;
    final String controller;
    final String markedField;
    final List<String> comparedFields;
    final String referenceField;
    final String remoteReferenceField;

    RecordKind(
            String path,
            String controller,
            String markedField,
            List<String> comparedFields,
            String referenceField,
            String remoteReferenceField) {
        this.path = path;
        this.controller = controller;
        this.markedField = markedField;
        this.comparedFields = comparedFields;
        this.referenceField = referenceField;
        this.remoteReferenceField = remoteReferenceField;
    }

    /** The kind a project or article reference points at. */
    RecordKind referenced() {
        return this == PROJECT ? CUSTOMER : this == ARTICLE ? ARTICLE_CATEGORY : null;
    }

    static RecordKind byPath(String path) {
        for (RecordKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        throw new IllegalArgumentException(path);
    }
}
