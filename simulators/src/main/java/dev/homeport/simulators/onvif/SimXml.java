package dev.homeport.simulators.onvif;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The simulator's own XML, on the JDK's DOM (the client uses StAX: the two share no code, so a
 * symmetric bug cannot hide). Thread-safe.
 */
final class SimXml {

  static final String S = "http://www.w3.org/2003/05/soap-envelope";
  static final String TDS = "http://www.onvif.org/ver10/device/wsdl";
  static final String TRT = "http://www.onvif.org/ver10/media/wsdl";
  static final String TPTZ = "http://www.onvif.org/ver20/ptz/wsdl";
  static final String TIMG = "http://www.onvif.org/ver20/imaging/wsdl";
  static final String TEV = "http://www.onvif.org/ver10/events/wsdl";
  static final String TT = "http://www.onvif.org/ver10/schema";
  static final String TER = "http://www.onvif.org/ver10/error";
  static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
  static final String WSA = "http://www.w3.org/2005/08/addressing";
  static final String TNS1 = "http://www.onvif.org/ver10/topics";

  private SimXml() {}

  static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    DocumentBuilder builder = f.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(bytes));
  }

  static Document newDocument() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().newDocument();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] serialize(Document doc) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first descendant (or self) with this local name, or null. */
  static Element find(Node root, String localName) {
    if (root instanceof Element e && localName.equals(e.getLocalName())) {
      return e;
    }
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Element found = find(children.item(i), localName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The text of the first descendant with this local name, or null. */
  static String text(Node root, String localName) {
    Element e = find(root, localName);
    return e == null ? null : e.getTextContent().trim();
  }

  /** The child elements of {@code e}. */
  static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    NodeList list = e.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element child) {
        out.add(child);
      }
    }
    return out;
  }

  /** A new element {@code prefix:name} in {@code ns} under {@code parent}, with optional text. */
  static Element add(Node parent, String ns, String qname, String text) {
    Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
    Element e = doc.createElementNS(ns, qname);
    if (text != null) {
      e.setTextContent(text);
    }
    parent.appendChild(e);
    return e;
  }

  static Element add(Node parent, String ns, String qname) {
    return add(parent, ns, qname, null);
  }
}
