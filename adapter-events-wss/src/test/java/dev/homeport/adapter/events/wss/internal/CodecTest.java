package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CodecTest {

  @Test
  void ackFrame_decodesTwoLayersSoTheTypeDigitIsNotPartOfTheAckId() {
    EngineIoPacket outer = EngineIoCodec.decode("430[null,{\"userId\":\"u1\"}]");
    SocketIoPacket inner = SocketIoCodec.decode(outer.data());

    assertThat(outer.type()).isEqualTo(EngineIoType.MESSAGE);
    assertThat(inner.type()).isEqualTo(SocketIoType.ACK);
    assertThat(inner.ackId()).isEqualTo(OptionalLong.of(0));
    assertThat(inner.data().orElseThrow().get(1).get("userId").asText()).isEqualTo("u1");
  }

  @Test
  void multiDigitAckId_isReadWhole() {
    SocketIoPacket packet = SocketIoCodec.decode("212[\"find\",\"api/location\",{}]");

    assertThat(packet.type()).isEqualTo(SocketIoType.EVENT);
    assertThat(packet.ackId()).isEqualTo(OptionalLong.of(12));
    assertThat(packet.data().orElseThrow().get(0).asText()).isEqualTo("find");
  }

  @Test
  void eventWithNamespace_keepsNamespaceAndAckId() {
    SocketIoPacket packet = SocketIoCodec.decode("2/admin,7[\"x\"]");

    assertThat(packet.namespace()).isEqualTo("/admin");
    assertThat(packet.ackId()).isEqualTo(OptionalLong.of(7));
    assertThat(SocketIoCodec.encode(packet)).isEqualTo("2/admin,7[\"x\"]");
  }

  @Test
  void binaryEvent_readsAttachmentCount() {
    SocketIoPacket packet = SocketIoCodec.decode("51-[\"upload\",{\"_placeholder\":true,\"num\":0}]");

    assertThat(packet.type()).isEqualTo(SocketIoType.BINARY_EVENT);
    assertThat(packet.attachments()).isEqualTo(1);
  }

  @Test
  void connectWithoutPayload_isDefaultNamespace() {
    SocketIoPacket packet = SocketIoCodec.decode("0");

    assertThat(packet).isEqualTo(SocketIoPacket.connect());
    assertThat(SocketIoCodec.encodeFrame(packet)).isEqualTo("40");
  }

  @Test
  void pingWithProbe_keepsPayload() {
    assertThat(EngineIoCodec.decode("2probe")).isEqualTo(EngineIoPacket.of(EngineIoType.PING, "probe"));
    assertThat(EngineIoCodec.encode(EngineIoPacket.of(EngineIoType.PONG, "probe"))).isEqualTo("3probe");
  }

  @Test
  void openPacket_givesServerPingParameters() {
    EngineIoHandshake handshake =
        EngineIoCodec.handshake(
            EngineIoCodec.decode("0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}"));

    assertThat(handshake.sid()).isEqualTo("abc");
    assertThat(handshake.pingInterval()).isEqualTo(Duration.ofSeconds(25));
    assertThat(handshake.pingTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void openPacketWithoutPingTimeout_failsNamingTheField() {
    assertThatThrownBy(
            () -> EngineIoCodec.handshake(EngineIoCodec.decode("0{\"sid\":\"abc\",\"pingInterval\":25000}")))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("pingTimeout");
  }

  @Test
  void binaryFrame_isToleratedWithItsType() {
    EngineIoPacket packet = EngineIoCodec.decodeBinary(ByteBuffer.wrap(new byte[] {4, 1, 2, 3}));

    assertThat(packet.type()).isEqualTo(EngineIoType.MESSAGE);
    assertThat(packet.binary()).isTrue();
  }

  @Test
  void unknownTypeDigit_failsWithMalformedFrame() {
    assertThatThrownBy(() -> EngineIoCodec.decode("9hello"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("0..6");
  }

  @Test
  void trailingGarbageAfterJson_failsWithMalformedFrame() {
    assertThatThrownBy(() -> SocketIoCodec.decode("3[null]x"))
        .isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void ackIdBeyondLongRange_failsWithMalformedFrame() {
    assertThatThrownBy(() -> SocketIoCodec.decode("399999999999999999999999[null]"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("ack id");
  }

  @Test
  void stringIdsWithQuotes_areEscapedByJackson() {
    var args = Json.NODES.arrayNode().add("find").add("api/room");
    args.addObject().put("locationId", "a\"b],{");
    String text = SocketIoCodec.encode(SocketIoPacket.event(args, OptionalLong.of(3)));

    assertThat(text).isEqualTo("23[\"find\",\"api/room\",{\"locationId\":\"a\\\"b],{\"}]");
    assertThat(SocketIoCodec.decode(text).data().orElseThrow()).isEqualTo(args);
  }
}
