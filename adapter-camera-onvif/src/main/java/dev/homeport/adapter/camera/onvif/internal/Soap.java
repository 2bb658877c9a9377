package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.UnsupportedCommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SOAP 1.2 envelopes: building requests and reading answers and faults. Thread-safe. */
public final class Soap {

  private Soap() {}

  /** An envelope with these header blocks (possibly none) and one body element. */
  public static XmlElement envelope(List<XmlElement> headers, XmlElement body) {
    XmlElement envelope = XmlElement.of(Ns.SOAP, "Envelope");
    if (!headers.isEmpty()) {
      XmlElement header = XmlElement.of(Ns.SOAP, "Header");
      headers.forEach(header::add);
      envelope.add(header);
    }
    return envelope.add(XmlElement.of(Ns.SOAP, "Body").add(body));
  }

  /**
   * The fault in a parsed envelope, if it is one.
   *
   * @throws ProtocolException if the document is not a SOAP 1.2 envelope with a body
   */
  public static Optional<Fault> fault(XmlElement envelope, String context) {
    XmlElement body = body(envelope, context);
    for (XmlElement child : body.children()) {
      if (child.is(Ns.SOAP, "Fault")) {
        return Optional.of(Fault.of(child));
      }
    }
    return Optional.empty();
  }

  /**
   * The first element inside the body, checked to be {@code namespace:name}.
   *
   * @throws ProtocolException if the envelope is malformed or holds another element
   */
  public static XmlElement answer(XmlElement envelope, String namespace, String name, String context) {
    XmlElement body = body(envelope, context);
    if (body.children().isEmpty()) {
      throw new ProtocolException("camera answer to " + context + " has an empty SOAP body");
    }
    XmlElement first = body.children().get(0);
    if (!first.name().equals(name)) {
      throw new ProtocolException("camera answer to " + context + " holds " + first.name()
          + " instead of " + name);
    }
    return first;
  }

  private static XmlElement body(XmlElement envelope, String context) {
    if (!envelope.is(Ns.SOAP, "Envelope")) {
      throw new ProtocolException("camera answer to " + context + " is not a SOAP 1.2 envelope (root "
          + envelope.name() + " in " + (envelope.namespace().isEmpty() ? "no namespace" : envelope.namespace()) + ")");
    }
    for (XmlElement child : envelope.children()) {
      if (child.is(Ns.SOAP, "Body")) {
        return child;
      }
    }
    throw new ProtocolException("camera answer to " + context + " has no SOAP body");
  }

  /**
   * A SOAP 1.2 fault: its code ({@code Sender}/{@code Receiver}), the local names of its subcodes,
   * outermost first (e.g. {@code [NotAuthorized]}), and its reason text.
   */
  public record Fault(String code, List<String> subcodes, String reason) {

    static Fault of(XmlElement fault) {
      String code = fault.textAt("Code", "Value").map(Fault::localPart).orElse("");
      List<String> subcodes = new ArrayList<>();
      Optional<XmlElement> sub = fault.find("Code", "Subcode");
      while (sub.isPresent() && subcodes.size() < 8) {
        sub.get().textAt("Value").map(Fault::localPart).ifPresent(subcodes::add);
        sub = sub.get().child("Subcode");
      }
      String reason = fault.textAt("Reason", "Text").orElse("");
      return new Fault(code, List.copyOf(subcodes), reason);
    }

    private static String localPart(String qname) {
      int colon = qname.indexOf(':');
      return colon < 0 ? qname : qname.substring(colon + 1);
    }

    /**
     * This fault with {@code scrubber}'s secrets removed from its codes and reason (a camera may
     * quote the request it refused, credentials included).
     */
    public Fault scrubbed(dev.homeport.support.SecretScrubber scrubber) {
      return new Fault(scrubber.scrub(code), subcodes.stream().map(scrubber::scrub).toList(), scrubber.scrub(reason));
    }

    /** Whether any subcode is {@code localName}. */
    public boolean has(String localName) {
      return subcodes.contains(localName);
    }

    /** Whether the camera refused the credentials or the request's time stamp. */
    public boolean notAuthorized() {
      return has("NotAuthorized") || has("FailedAuthentication") || has("InvalidSecurity")
          || has("FailedCheck") || has("MessageExpired");
    }

    /** Whether the camera does not implement the operation. */
    public boolean notSupported() {
      return has("ActionNotSupported") || has("NotImplemented") || has("ActionNotSupportedFault");
    }

    /** What the fault says, for messages: e.g. {@code Sender/InvalidArgVal/NoProfile: no such profile}. */
    public String describe() {
      StringBuilder b = new StringBuilder(code);
      subcodes.forEach(s -> b.append('/').append(s));
      if (!reason.isEmpty()) {
        b.append(": ").append(Text.printable(reason, 200));
      }
      return b.toString();
    }

    /** The homeport exception for this fault of {@code service}'s {@code operation}. */
    public HomeportException toException(String camera, String service, String operation) {
      if (notAuthorized()) {
        return new AuthenticationException("camera '" + camera + "' refused " + operation
            + " as not authorised (" + describe() + "); check the user name and password");
      }
      if (notSupported()) {
        return new UnsupportedCommandException("camera '" + camera + "' does not support " + operation
            + " (" + describe() + ")");
      }
      String code = subcodes.isEmpty() ? code() : String.join("/", subcodes);
      return new CameraCommandException(service + "." + operation, code,
          Text.printable(reason, 200) + " (" + describe() + ")", false);
    }
  }
}
