package com.fieldsync.resco;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The part of an OData CSDL document ({@code $metadata}) drift detection needs: each entity set's
 * properties and their {@code Edm} types, inherited ones included. Parsed with DTDs and external
 * entities disabled: a hostile or broken service cannot make FieldSync read files or URLs.
 */
record CsdlModel(Map<String, Map<String, String>> entitySets) {

    /** Property name to type, or empty when the model has no such entity set. */
    Optional<Map<String, String>> properties(String entitySet) {
        return Optional.ofNullable(entitySets.get(entitySet));
    }

    static CsdlModel parse(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        Map<String, Map<String, String>> types = new HashMap<>(); // qualified type name -> own properties
        Map<String, String> baseTypes = new HashMap<>();
        Map<String, String> sets = new LinkedHashMap<>(); // set name -> qualified type name
        List<String> typeOrder = new ArrayList<>();
        String namespace = "";
        String alias = null;
        String currentType = null;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new IllegalArgumentException("$metadata carries a DTD; refused");
                    }
                    if (event == XMLStreamConstants.END_ELEMENT
                            && r.getLocalName().equals("EntityType")) {
                        currentType = null;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (r.getLocalName()) {
                        case "Schema" -> {
                            namespace = attr(r, "Namespace", "");
                            alias = r.getAttributeValue(null, "Alias");
                        }
                        case "EntityType" -> {
                            currentType = namespace + "." + attr(r, "Name", "");
                            types.put(currentType, new LinkedHashMap<>());
                            typeOrder.add(currentType);
                            String base = r.getAttributeValue(null, "BaseType");
                            if (base != null) {
                                baseTypes.put(currentType, qualify(base, namespace, alias));
                            }
                        }
                        case "Property" -> {
                            if (currentType != null) {
                                types.get(currentType).put(attr(r, "Name", ""), attr(r, "Type", ""));
                            }
                        }
                        case "EntitySet" -> sets.put(
                                attr(r, "Name", ""), qualify(attr(r, "EntityType", ""), namespace, alias));
                        default -> {
                            // other CSDL elements do not matter here
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("$metadata is not well-formed CSDL XML: " + e.getMessage(), e);
        }
        if (sets.isEmpty()) {
            // a model without an EntityContainer: Resco names each set after its type
            for (String type : typeOrder) {
                sets.put(type.substring(type.lastIndexOf('.') + 1), type);
            }
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        sets.forEach((set, type) -> {
            if (types.containsKey(type)) {
                result.put(set, Map.copyOf(withInherited(type, types, baseTypes)));
            }
        });
        return new CsdlModel(Map.copyOf(result));
    }

    private static Map<String, String> withInherited(
            String type, Map<String, Map<String, String>> types, Map<String, String> baseTypes) {
        Map<String, String> all = new LinkedHashMap<>();
        String t = type;
        for (int depth = 0; t != null && depth < 32; depth++) {
            Map<String, String> own = types.getOrDefault(t, Map.of());
            own.forEach(all::putIfAbsent);
            t = baseTypes.get(t);
        }
        return all;
    }

    private static String qualify(String name, String namespace, String alias) {
        if (alias != null && name.startsWith(alias + ".")) {
            return namespace + name.substring(alias.length());
        }
        return name.contains(".") ? name : namespace + "." + name;
    }

    private static String attr(XMLStreamReader r, String name, String fallback) {
        String v = r.getAttributeValue(null, name);
        return v == null ? fallback : v;
    }
}
