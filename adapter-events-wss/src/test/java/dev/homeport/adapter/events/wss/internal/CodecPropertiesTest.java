package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CodecPropertiesTest {

  @Property
  void engineIoTextPacket_roundTrips(@ForAll("engineIoPackets") EngineIoPacket packet) {
    assertThat(EngineIoCodec.decode(EngineIoCodec.encode(packet))).isEqualTo(packet);
  }

  @Property
  void socketIoPacket_roundTrips(@ForAll("socketIoPackets") SocketIoPacket packet) {
    String text = SocketIoCodec.encode(packet);
    assertThat(SocketIoCodec.decode(text)).isEqualTo(packet);
  }

  @Property
  void socketIoPacketInsideEngineIoFrame_roundTrips(@ForAll("socketIoPackets") SocketIoPacket packet) {
    EngineIoPacket outer = EngineIoCodec.decode(SocketIoCodec.encodeFrame(packet));
    assertThat(outer.type()).isEqualTo(EngineIoType.MESSAGE);
    assertThat(SocketIoCodec.decode(outer.data())).isEqualTo(packet);
  }

  @Property(tries = 2000)
  void arbitraryTextFrame_throwsOnlyMalformedFrame(@ForAll("frames") String frame) {
    Throwable thrown = catchThrowable(() -> decodeBothLayers(frame));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MalformedFrameException.class);
      assertThat(thrown.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 2000)
  void messageFrameDecodedInPlace_isTheSameAsDecodingItsData(@ForAll("frames") String tail) {
    String frame = "4" + tail;
    Throwable copied = catchThrowable(() -> SocketIoCodec.decode(EngineIoCodec.decode(frame).data()));
    Throwable inPlace = catchThrowable(() -> SocketIoCodec.decode(frame, 1));
    if (copied == null) {
      assertThat(inPlace).isNull();
      assertThat(SocketIoCodec.decode(frame, 1)).isEqualTo(SocketIoCodec.decode(EngineIoCodec.decode(frame).data()));
    } else {
      assertThat(inPlace).isInstanceOf(MalformedFrameException.class).hasMessage(copied.getMessage());
    }
  }

  @Property(tries = 500)
  void arbitraryBinaryFrame_throwsOnlyMalformedFrame(@ForAll byte[] frame) {
    Throwable thrown = catchThrowable(() -> EngineIoCodec.decodeBinary(java.nio.ByteBuffer.wrap(frame)));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MalformedFrameException.class);
    }
  }

  @Property(tries = 1000)
  void arbitraryOpenPayload_throwsOnlyMalformedFrame(@ForAll("frames") String payload) {
    Throwable thrown =
        catchThrowable(() -> EngineIoCodec.handshake(EngineIoPacket.of(EngineIoType.OPEN, payload)));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MalformedFrameException.class);
    }
  }

  static void decodeBothLayers(String frame) {
    if (EngineIoCodec.type(frame) == EngineIoType.MESSAGE) {
      SocketIoCodec.decode(frame, 1);
    } else {
      EngineIoCodec.decode(frame);
    }
  }

  @Provide
  Arbitrary<String> frames() {
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(60);
    Arbitrary<String> wireish =
        Arbitraries.strings().withChars("0123456789-/,[]{}\":.e+ \\naA").ofMaxLength(40);
    Arbitrary<String> prefixed =
        Combinators.combine(
                Arbitraries.of("4", "40", "42", "43", "45", "451-", "4/", "42/ns,", "43" , "0", "2", "3", "6", "44"),
                wireish)
            .as((prefix, rest) -> prefix + rest);
    Arbitrary<String> nested =
        Arbitraries.integers().between(1, 5000).map(depth -> "42" + "[".repeat(depth));
    Arbitrary<String> hugeAck =
        Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(40).map(digits -> "43" + digits + "[]");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, any),
        net.jqwik.api.Tuple.of(5, prefixed),
        net.jqwik.api.Tuple.of(1, nested),
        net.jqwik.api.Tuple.of(1, hugeAck));
  }

  @Provide
  Arbitrary<EngineIoPacket> engineIoPackets() {
    return Combinators.combine(Arbitraries.of(EngineIoType.class), Arbitraries.strings().ofMaxLength(50))
        .as(EngineIoPacket::of);
  }

  @Provide
  Arbitrary<SocketIoPacket> socketIoPackets() {
    Arbitrary<String> namespaces =
        Arbitraries.oneOf(
            Arbitraries.just("/"),
            Arbitraries.strings().alpha().numeric().withChars("/_-.").ofMaxLength(12).map(s -> "/" + s));
    Arbitrary<OptionalLong> ackIds =
        Arbitraries.oneOf(
            Arbitraries.just(OptionalLong.empty()),
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(OptionalLong::of));
    Arbitrary<SocketIoType> types = Arbitraries.of(SocketIoType.class);
    return Combinators.combine(types, namespaces, ackIds, Arbitraries.integers().between(0, 20), jsonValues(3))
        .as((type, namespace, ackId, attachments, value) -> {
          JsonNode node = Json.MAPPER.valueToTree(value);
          OptionalLong ack = type.mayCarryAckId() ? ackId : OptionalLong.empty();
          int att = type.isBinary() ? attachments : 0;
          Optional<JsonNode> data;
          switch (type) {
            case EVENT:
            case BINARY_EVENT: {
              ArrayNode args = Json.NODES.arrayNode().add("event name " + namespace);
              args.add(node);
              data = Optional.of(args);
              break;
            }
            case ACK:
            case BINARY_ACK:
              data = Optional.of(Json.NODES.arrayNode().add(node));
              break;
            case CONNECT:
            case ERROR:
              data = node.isObject() || node.isTextual() ? Optional.of(node) : Optional.empty();
              break;
            default:
              data = Optional.empty();
          }
          // Re-parse so that number node kinds match what the decoder produces.
          Optional<JsonNode> parsed = data.map(d -> Json.parse(Json.write(d), "test"));
          return new SocketIoPacket(type, att, namespace, ack, parsed);
        });
  }

  static Arbitrary<Object> jsonValues(int depth) {
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().between(-1e9, 1e9).map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<Object> lists = jsonValues(depth - 1).list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> maps =
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), jsonValues(depth - 1))
            .ofMaxSize(4)
            .map(m -> (Object) new LinkedHashMap<String, Object>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaves),
        net.jqwik.api.Tuple.of(1, lists),
        net.jqwik.api.Tuple.of(1, maps));
  }

}
