package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.ports.ProtocolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One XML element: its namespace and local name, unqualified attributes, children and text. Used
 * both to build requests ({@link #of}, {@link #add}) and to hold parsed answers ({@link XmlReader}).
 * Reading helpers match children by local name, because cameras put the same field in different
 * namespaces (e.g. {@code tt:XAddr} or {@code tds:XAddr}).
 *
 * <p>Built elements are mutable until written; parsed ones are not changed after parsing. Not
 * thread-safe while being built.
 */
public final class XmlElement {

  private final String namespace;
  private final String name;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<XmlElement> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  XmlElement(String namespace, String name) {
    this.namespace = namespace == null ? "" : namespace;
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A new element to build. */
  public static XmlElement of(String namespace, String name) {
    return new XmlElement(namespace, name);
  }

  /** A new element holding {@code text}. */
  public static XmlElement text(String namespace, String name, String text) {
    return of(namespace, name).setText(text);
  }

  /** Adds a child and returns this element. */
  public XmlElement add(XmlElement child) {
    children.add(Objects.requireNonNull(child, "child"));
    return this;
  }

  /** Adds a child holding text and returns this element. */
  public XmlElement add(String namespace, String name, String text) {
    return add(text(namespace, name, text));
  }

  /** Sets an unqualified attribute and returns this element. */
  public XmlElement attr(String name, String value) {
    attributes.put(name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Replaces the text and returns this element. */
  public XmlElement setText(String value) {
    text.setLength(0);
    text.append(Objects.requireNonNull(value, "value"));
    return this;
  }

  void appendText(CharSequence chars) {
    text.append(chars);
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public Map<String, String> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  public List<XmlElement> children() {
    return Collections.unmodifiableList(children);
  }

  /** The text content, trimmed. */
  public String text() {
    return text.toString().trim();
  }

  /** Whether this element is {@code namespace:name}. */
  public boolean is(String namespace, String name) {
    return this.namespace.equals(namespace) && this.name.equals(name);
  }

  /** The first child with this local name. */
  public Optional<XmlElement> child(String name) {
    for (XmlElement child : children) {
      if (child.name.equals(name)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** Every child with this local name, in order. */
  public List<XmlElement> all(String name) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.name.equals(name)) {
        found.add(child);
      }
    }
    return found;
  }

  /** The element at a path of local names below this one. */
  public Optional<XmlElement> find(String... path) {
    XmlElement at = this;
    for (String step : path) {
      Optional<XmlElement> next = at.child(step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      at = next.get();
    }
    return Optional.of(at);
  }

  /**
   * The element at a path of local names.
   *
   * @throws ProtocolException naming the path and {@code context} when it is missing
   */
  public XmlElement require(String context, String... path) {
    return find(path).orElseThrow(() -> new ProtocolException(
        "camera answer to " + context + " lacks " + name + "/" + String.join("/", path)));
  }

  /** The text at a path of local names, or empty. */
  public Optional<String> textAt(String... path) {
    return find(path).map(XmlElement::text);
  }

  /** An attribute by local name. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  @Override
  public String toString() {
    return "<" + name + ">";
  }
}
