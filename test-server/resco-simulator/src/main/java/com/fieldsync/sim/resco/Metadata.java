package com.fieldsync.sim.resco;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The two self-descriptions of the service, both generated from the current {@link Schema}, so that drift shows in
 * them: the JSON service document listing the entity sets, and the CSDL {@code $metadata} XML. The CSDL follows the
 * Resco sample (every entity type derives from the abstract {@code _resco_baseentity_}, namespace {@code RescoCrm})
 * in standard OData 4.0 form, with the {@code edmx} and {@code edm} namespaces a CSDL parser expects; each lookup
 * also appears as a {@code NavigationProperty} named as {@code $expand} takes it.
 */
final class Metadata {
    private static final String BASE_TYPE = "_resco_baseentity_";

    private Metadata() {}

    static JsonObject serviceDocument(List<EntitySet> sets, String baseUrl) {
        JsonArrayBuilder value = Json.createArrayBuilder();
        for (EntitySet set : sets) {
            value.add(Json.createObjectBuilder()
                    .add("kind", "EntitySet")
                    .add("title", set.title())
                    .add("name", set.name())
                    .add("url", set.name()));
        }
        return Json.createObjectBuilder()
                .add("@odata.context", baseUrl + "$metadata")
                .add("value", value)
                .build();
    }

    static String csdl(List<EntitySet> sets) {
        String ns = Schema.NAMESPACE;
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n")
                .append("  <edmx:DataServices>\n")
                .append("    <Schema Namespace=\"")
                .append(ns)
                .append("\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n")
                .append("      <EntityType Name=\"" + BASE_TYPE + "\" Abstract=\"true\"/>\n");
        for (EntitySet set : sets) {
            xml.append("      <EntityType Name=\"")
                    .append(escape(set.name()))
                    .append("\" BaseType=\"")
                    .append(ns)
                    .append('.')
                    .append(BASE_TYPE)
                    .append("\">\n")
                    .append("        <Key>\n          <PropertyRef Name=\"")
                    .append(EntitySet.ID)
                    .append("\"/>\n        </Key>\n");
            for (Attribute attribute : set.attributes()) {
                xml.append("        <Property Name=\"")
                        .append(escape(attribute.name()))
                        .append("\" Type=\"")
                        .append(attribute.type().edmName())
                        .append('"');
                if (attribute.maxLength() != null) {
                    xml.append(" MaxLength=\"").append(attribute.maxLength()).append('"');
                }
                if (attribute.isRequired()) {
                    xml.append(" Nullable=\"false\"");
                }
                xml.append("/>\n");
            }
            for (Attribute attribute : set.attributes()) {
                if (attribute.isLookup()) {
                    xml.append("        <NavigationProperty Name=\"")
                            .append(escape(attribute.navigationName()))
                            .append("\" Type=\"")
                            .append(ns)
                            .append('.')
                            .append(escape(attribute.lookupTarget()))
                            .append("\"/>\n");
                }
            }
            xml.append("      </EntityType>\n");
        }
        xml.append("      <EntityContainer Name=\"").append(ns).append("Container\">\n");
        for (EntitySet set : sets) {
            xml.append("        <EntitySet Name=\"")
                    .append(escape(set.name()))
                    .append("\" EntityType=\"")
                    .append(ns)
                    .append('.')
                    .append(escape(set.name()))
                    .append("\"/>\n");
        }
        return xml.append("      </EntityContainer>\n")
                .append("    </Schema>\n")
                .append("  </edmx:DataServices>\n")
                .append("</edmx:Edmx>\n")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
