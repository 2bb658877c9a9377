package dev.homeport.adapter.camera.onvif.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link XmlElement}s as UTF-8 with the JDK's StAX writer (which escapes text and
 * attributes), declaring every namespace used on the root with the prefixes of {@link Ns}.
 * Thread-safe.
 */
public final class XmlWriter {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private XmlWriter() {}

  /** The document of {@code root}, with an XML declaration. */
  public static byte[] write(XmlElement root) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try {
      XMLStreamWriter w;
      synchronized (FACTORY) {
        w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      }
      w.writeStartDocument("UTF-8", "1.0");
      Set<String> used = new LinkedHashSet<>();
      collect(root, used);
      writeElement(w, root, used);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a SOAP request", e);
    }
    return bytes.toByteArray();
  }

  /** The document as a string (for tests and debug logs of requests without secrets). */
  public static String writeString(XmlElement root) {
    return new String(write(root), StandardCharsets.UTF_8);
  }

  private static void collect(XmlElement e, Set<String> used) {
    if (!e.namespace().isEmpty()) {
      used.add(e.namespace());
    }
    for (XmlElement child : e.children()) {
      collect(child, used);
    }
  }

  private static String prefix(String namespace) {
    String p = Ns.PREFIXES.get(namespace);
    if (p == null) {
      throw new IllegalStateException("no prefix for namespace " + namespace);
    }
    return p;
  }

  private static void writeElement(XMLStreamWriter w, XmlElement e, Set<String> declare)
      throws XMLStreamException {
    if (e.namespace().isEmpty()) {
      w.writeStartElement(e.name());
    } else {
      w.writeStartElement(prefix(e.namespace()), e.name(), e.namespace());
    }
    if (declare != null) {
      for (String namespace : declare) {
        w.writeNamespace(prefix(namespace), namespace);
      }
    }
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      w.writeAttribute(a.getKey(), a.getValue());
    }
    String text = e.text();
    if (!text.isEmpty()) {
      w.writeCharacters(text);
    }
    for (XmlElement child : e.children()) {
      writeElement(w, child, null);
    }
    w.writeEndElement();
  }
}
