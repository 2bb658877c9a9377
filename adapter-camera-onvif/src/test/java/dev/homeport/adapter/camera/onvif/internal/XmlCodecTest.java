package dev.homeport.adapter.camera.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.UnsupportedCommandException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlCodecTest {

  private static XmlElement parse(String xml) {
    return XmlReader.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void envelope_writtenThenRead_keepsNamespacesAttributesAndEscapedText() {
    XmlElement body = XmlElement.of(Ns.TPTZ, "GotoPreset").add(Ns.TPTZ, "PresetToken", "a<b&\"c\"")
        .add(XmlElement.of(Ns.TT, "PanTilt").attr("x", "-0.5").attr("y", "1"));
    String xml = XmlWriter.writeString(Soap.envelope(List.of(), body));
    assertThat(xml).contains("a&lt;b&amp;");
    XmlElement answer = Soap.answer(parse(xml.replace("GotoPreset", "GotoPresetResponse")), Ns.TPTZ,
        "GotoPresetResponse", "GotoPreset");
    assertThat(answer.namespace()).isEqualTo(Ns.TPTZ);
    assertThat(answer.textAt("PresetToken")).contains("a<b&\"c\"");
    assertThat(answer.find("PanTilt").orElseThrow().attribute("x")).contains("-0.5");
  }

  @Test
  void doctypeAndExternalEntities_areRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&e;</s:Body></s:Envelope>";
    assertThatThrownBy(() -> parse(xxe)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void deepNesting_isRefused() {
    String deep = "<a>".repeat(200) + "</a>".repeat(200);
    assertThatThrownBy(() -> parse(deep)).isInstanceOf(ProtocolException.class).hasMessageContaining("deeper");
  }

  @Test
  void notXml_isAProtocolException() {
    assertThatThrownBy(() -> parse("<html><body>busy")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> Soap.fault(parse("<html/>"), "GetProfiles")).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not a SOAP 1.2 envelope");
  }

  private static final String FAULT = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
      + " xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>"
      + "<s:Subcode><s:Value>ter:%s</s:Value>%s</s:Subcode></s:Code>"
      + "<s:Reason><s:Text xml:lang=\"en\">%s</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>";

  private static Soap.Fault fault(String subcode, String nested, String reason) {
    return Soap.fault(parse(String.format(FAULT, subcode, nested, reason)), "op").orElseThrow();
  }

  @Test
  void faults_translateToTheirKinds() {
    assertThat(fault("NotAuthorized", "", "Sender not Authorized").toException("c", "ptz", "GetStatus"))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("not authorised");
    assertThat(fault("ActionNotSupported", "", "no").toException("c", "media", "GetSnapshotUri"))
        .isInstanceOf(UnsupportedCommandException.class);
    Soap.Fault nested = fault("InvalidArgVal", "<s:Subcode><s:Value>ter:NoToken</s:Value></s:Subcode>", "no preset");
    assertThat(nested.subcodes()).containsExactly("InvalidArgVal", "NoToken");
    assertThat(nested.toException("c", "ptz", "GotoPreset")).isInstanceOf(CameraCommandException.class)
        .hasMessageContaining("Sender/InvalidArgVal/NoToken: no preset");
  }

  @Test
  void faultReason_withControlCharacters_isMadePrintable() {
    Soap.Fault f = fault("InvalidArgVal", "", "bad&#155;[31mred");
    assertThat(f.describe()).doesNotContain("\u009b").contains("bad?[31mred");
  }
}
