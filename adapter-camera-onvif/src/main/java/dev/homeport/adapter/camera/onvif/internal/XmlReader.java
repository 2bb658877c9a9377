package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.ports.ProtocolException;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an answer with the JDK's StAX reader into {@link XmlElement}s, refusing DTDs and external
 * entities (no XXE) and bounding depth, element count and text size, so a hostile answer cannot
 * exhaust memory beyond the (already capped) body it came in. Thread-safe.
 */
public final class XmlReader {

  /** The deepest nesting accepted. */
  static final int MAX_DEPTH = 64;
  /** The most elements accepted in one document. */
  static final int MAX_ELEMENTS = 50_000;

  private static final XMLInputFactory FACTORY = factory();

  private XmlReader() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /**
   * The document's root element.
   *
   * @throws ProtocolException if the bytes are not well-formed XML or exceed the bounds
   */
  public static XmlElement parse(byte[] document) {
    XMLStreamReader reader = null;
    try {
      synchronized (FACTORY) {
        reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
      }
      Deque<XmlElement> open = new ArrayDeque<>();
      XmlElement root = null;
      int elements = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT:
            if (++elements > MAX_ELEMENTS) {
              throw new ProtocolException("camera answer has more than " + MAX_ELEMENTS + " elements");
            }
            if (open.size() >= MAX_DEPTH) {
              throw new ProtocolException("camera answer nests deeper than " + MAX_DEPTH + " elements");
            }
            XmlElement element = new XmlElement(reader.getNamespaceURI(), reader.getLocalName());
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              element.attr(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            if (open.isEmpty()) {
              if (root != null) {
                throw new ProtocolException("camera answer has two root elements");
              }
              root = element;
            } else {
              open.peek().add(element);
            }
            open.push(element);
            break;
          case XMLStreamConstants.END_ELEMENT:
            open.pop();
            break;
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
            if (!open.isEmpty()) {
              open.peek().appendText(reader.getText());
            }
            break;
          case XMLStreamConstants.DTD:
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw new ProtocolException("camera answer declares a DTD or entity, which ONVIF never needs");
          default:
            break;
        }
      }
      if (root == null) {
        throw new ProtocolException("camera answer is empty");
      }
      return root;
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof ProtocolException p) {
        throw p;
      }
      throw new ProtocolException("camera answer is not well-formed XML: " + e.getMessage(), e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release beyond the byte array
        }
      }
    }
  }
}
