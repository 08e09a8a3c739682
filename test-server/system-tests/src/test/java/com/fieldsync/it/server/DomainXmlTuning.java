package com.fieldsync.it.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Edits a freshly created, never started domain's {@code domain.xml} so that the DAS stays on
 * loopback and makes no outbound calls.
 *
 * <p>This is done on the file, not with asadmin, because the asadmin way needs a running DAS
 * and a restart (about 10 s more per domain here), and because both phone-home tasks fire as
 * soon as the server is ready: disabling them after the first start is too late.
 */
final class DomainXmlTuning {

    static final String LOOPBACK = "127.0.0.1";

    private static final String SERVER_CONFIG = "/domain/configs/config[@name='server-config']";

    private DomainXmlTuning() {}

    /**
     * Applies the edits; fails with the missing element's path if Payara's layout changed.
     *
     * @param domainXml {@code <domain>/config/domain.xml}
     * @param maxHeap the value for {@code -Xmx}, e.g. {@code 768m}
     */
    static void apply(Path domainXml, String maxHeap) {
        try {
            Document doc = parse(domainXml);
            XPath xpath = XPathFactory.newInstance().newXPath();

            for (String listeners : new String[] {
                SERVER_CONFIG + "/network-config/network-listeners/network-listener",
                SERVER_CONFIG + "/iiop-service/iiop-listener",
                SERVER_CONFIG + "/admin-service/jmx-connector"
            }) {
                for (Element listener : required(xpath, doc, listeners)) {
                    listener.setAttribute("address", LOOPBACK);
                }
            }
            loopbackJms(xpath, doc);
            // Hazelcast (the DAS's data grid, on portbase+49) binds all interfaces unless told
            // its interface and -Dhazelcast.socket.bind.any=false.
            for (Element hazelcast : required(xpath, doc, "/domain/hazelcast-runtime-configuration")) {
                hazelcast.setAttribute("interface", LOOPBACK);
                hazelcast.setAttribute("das-bind-address", LOOPBACK);
                hazelcast.setAttribute("das-public-address", LOOPBACK);
            }

            // Payara's own phone home (http://www.payara.fish/phonehome) is on by default and
            // runs at SERVER_READY; this is what `asadmin disable-phone-home` writes.
            Element serverConfig = required(xpath, doc, SERVER_CONFIG).get(0);
            Element phoneHome = doc.createElement("phone-home-runtime-configuration");
            phoneHome.setAttribute("enabled", "false");
            for (Element existing : optional(xpath, serverConfig, "phone-home-runtime-configuration")) {
                serverConfig.removeChild(existing);
            }
            serverConfig.insertBefore(phoneHome, serverConfig.getFirstChild());

            Element javaConfig =
                    required(xpath, doc, SERVER_CONFIG + "/java-config").get(0);
            Element xmx = required(xpath, javaConfig, "jvm-options[starts-with(normalize-space(.), '-Xmx')]")
                    .get(0);
            xmx.setTextContent("-Xmx" + maxHeap);
            // Hazelcast's phone home (phonehome.hazelcast.com) is on by default in the DAS too.
            appendJvmOption(doc, javaConfig, "-Dhazelcast.phone.home.enabled=false");
            appendJvmOption(doc, javaConfig, "-Dhazelcast.socket.bind.any=false");

            write(doc, domainXml);
        } catch (XPathExpressionException | IOException | RuntimeException e) {
            throw new IllegalStateException("Could not tune " + domainXml + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not parse or write " + domainXml + ": " + e, e);
        }
    }

    // Payara turns jms-host "localhost" into a 0.0.0.0 bind for the lazy JMS listener. A new
    // domain has no jms-service in server-config: the server adds the default one (host
    // "localhost") at first start, so it is written here as Payara would, with host 127.0.0.1.
    private static void loopbackJms(XPath xpath, Document doc) throws XPathExpressionException {
        List<Element> hosts = optional(xpath, doc, SERVER_CONFIG + "/jms-service/jms-host");
        if (hosts.isEmpty()) {
            Element serverConfig = required(xpath, doc, SERVER_CONFIG).get(0);
            if (!optional(xpath, serverConfig, "jms-service").isEmpty()) {
                throw new IllegalStateException("server-config has a jms-service without jms-host");
            }
            Element service = doc.createElement("jms-service");
            service.setAttribute("type", "EMBEDDED");
            service.setAttribute("default-jms-host", "default_JMS_host");
            Element host = doc.createElement("jms-host");
            host.setAttribute("name", "default_JMS_host");
            host.setAttribute("port", "${JMS_PROVIDER_PORT}");
            service.appendChild(host);
            serverConfig.appendChild(service);
            hosts = List.of(host);
        }
        for (Element host : hosts) {
            host.setAttribute("host", LOOPBACK);
        }
    }

    private static void appendJvmOption(Document doc, Element javaConfig, String option) {
        Element element = doc.createElement("jvm-options");
        element.setTextContent(option);
        javaConfig.appendChild(element);
    }

    private static List<Element> required(XPath xpath, Node context, String path) throws XPathExpressionException {
        List<Element> found = optional(xpath, context, path);
        if (found.isEmpty()) {
            throw new IllegalStateException("domain.xml has no " + path + " (Payara's layout changed?)");
        }
        return found;
    }

    private static List<Element> optional(XPath xpath, Node context, String path) throws XPathExpressionException {
        NodeList nodes = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        doc.setXmlStandalone(true);
        return doc;
    }

    private static void write(Document doc, Path file) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        // Write beside and move, so an interrupted write cannot leave half a domain.xml.
        Path tmp = file.resolveSibling(file.getFileName() + ".tuning");
        transformer.transform(new DOMSource(doc), new StreamResult(tmp.toFile()));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
