package dev.homeport.adapter.camera.onvif.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The XML namespaces ONVIF uses, and the prefixes homeport writes them with. */
public final class Ns {

  public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
  public static final String TDS = "http://www.onvif.org/ver10/device/wsdl";
  public static final String TRT = "http://www.onvif.org/ver10/media/wsdl";
  public static final String TR2 = "http://www.onvif.org/ver20/media/wsdl";
  public static final String TPTZ = "http://www.onvif.org/ver20/ptz/wsdl";
  public static final String TIMG = "http://www.onvif.org/ver20/imaging/wsdl";
  public static final String TEV = "http://www.onvif.org/ver10/events/wsdl";
  public static final String TT = "http://www.onvif.org/ver10/schema";
  public static final String TER = "http://www.onvif.org/ver10/error";
  public static final String WSSE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  public static final String WSU =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
  public static final String WSA = "http://www.w3.org/2005/08/addressing";
  public static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";

  /** UsernameToken password type for the digest. */
  public static final String PASSWORD_DIGEST =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
  /** Nonce encoding. */
  public static final String BASE64_BINARY =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

  static final Map<String, String> PREFIXES = new LinkedHashMap<>();

  static {
    PREFIXES.put(SOAP, "s");
    PREFIXES.put(TDS, "tds");
    PREFIXES.put(TRT, "trt");
    PREFIXES.put(TR2, "tr2");
    PREFIXES.put(TPTZ, "tptz");
    PREFIXES.put(TIMG, "timg");
    PREFIXES.put(TEV, "tev");
    PREFIXES.put(TT, "tt");
    PREFIXES.put(WSSE, "wsse");
    PREFIXES.put(WSU, "wsu");
    PREFIXES.put(WSA, "wsa");
    PREFIXES.put(WSNT, "wsnt");
  }

  private Ns() {}
}
