package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.homeport.domain.home.DeviceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The streaming read of device-event frames against the tree path as the model: whenever {@link
 * DeviceEventFrame#read} answers, the tree path gives the same valid device event; when it does
 * not, the connection decodes the frame the tree way, so results and errors are the tree's.
 */
class DeviceEventFramePropertiesTest {

  private static final String[] KNOWN = {
    "eventType", "eventId", "locationId", "deviceId", "componentId", "capability", "attribute",
    "value", "valueType", "unit", "stateChange", "time"
  };

  @Property(tries = 1000)
  void hostileOrRandomFrame_streamedOnlyAsTheTreeReadsIt(@ForAll("hostileFrames") String frame) {
    DeviceEvent streamed = DeviceEventFrame.read(frame);
    if (streamed != null) {
      assertThat(treeWay(frame)).isEqualTo(new PayloadClassifier.Classified(streamed, false));
    }
    Statistics.label("streamed").collect(streamed != null);
    Statistics.label("streamed").coverage(coverage -> {
      coverage.check(true).percentage(p -> p > 2);
      coverage.check(false).percentage(p -> p > 20);
    });
  }

  @Property(tries = 500)
  void plainDeviceEventFrame_isStreamedAsTheTreeReadsIt(@ForAll("plainFrames") String frame) {
    DeviceEvent streamed = DeviceEventFrame.read(frame);
    assertThat(streamed).as(frame).isNotNull();
    assertThat(treeWay(frame)).isEqualTo(new PayloadClassifier.Classified(streamed, false));
  }

  @Property(tries = 100)
  void frameOverTheLengthCap_goesTheTreeWay(@ForAll("plainFrames") String frame) {
    String padded = frame.replaceFirst("\\{\"", "{\"pad\":\"" + "x".repeat(DeviceEventFrame.MAX_LENGTH) + "\",\"");
    assertThat(DeviceEventFrame.read(padded)).isNull();
    assertThat(treeWay(padded)).isInstanceOf(PayloadClassifier.Classified.class);
  }

  /** The tree path, as the connection runs it for a message frame: the packet, its classification, or the error. */
  static Object treeWay(String frame) {
    try {
      SocketIoPacket packet = SocketIoCodec.decode(frame, 1);
      if (packet.type() == SocketIoType.EVENT && packet.ackId().isEmpty()
          && SocketIoPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
        return PayloadClassifier.classify(packet.data().orElseThrow());
      }
      return packet;
    } catch (MalformedFrameException e) {
      return "refused: " + e.getMessage();
    }
  }

  // ---------------------------------------------------------------- frames

  @Provide
  Arbitrary<String> plainFrames() {
    Arbitrary<String> id = Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(36).map(s -> "x" + s);
    Arbitrary<List<String>> fields =
        Combinators.combine(
                List.of(
                    optional(Arbitraries.just("\"DEVICE_EVENT\""), 3),
                    id.map(DeviceEventFramePropertiesTest::text),
                    id.map(DeviceEventFramePropertiesTest::text),
                    id.map(DeviceEventFramePropertiesTest::text),
                    optional(Arbitraries.of("main", "sub", "çà\"\\").map(DeviceEventFramePropertiesTest::text), 2),
                    id.map(DeviceEventFramePropertiesTest::text),
                    id.map(DeviceEventFramePropertiesTest::text),
                    Arbitraries.just(""), // value and valueType: below
                    Arbitraries.just(""),
                    optional(Arbitraries.of("W", "%", "°C", "kWh").map(DeviceEventFramePropertiesTest::text), 2),
                    optional(Arbitraries.of("true", "false"), 2),
                    validInstants()))
            .as(ArrayList::new);
    Arbitrary<String[]> values =
        Arbitraries.oneOf(
            Arbitraries.of("9.2", "21.50", "-0.0", "1e5", "1E+2", "0", "-17", "9223372036854775808", "12345678901234567890123", "3.0e-7")
                .map(n -> new String[] {n, "\"number\""}),
            Arbitraries.integers().map(n -> new String[] {String.valueOf(n), "\"integer\""}),
            texts().map(t -> new String[] {t, "\"string\""}),
            Arbitraries.of("true", "false").map(b -> new String[] {b, "\"boolean\""}),
            Arbitraries.of("\"true\"", "\"false\"").map(b -> new String[] {b, "\"boolean\""}),
            Arbitraries.of("\"12\"", "\" 3.5 \"").map(n -> new String[] {n, "\"number\""}),
            json(2).map(v -> new String[] {v, "\"object\""}),
            Arbitraries.just(new String[] {"null", null}));
    return Combinators.combine(fields, values, unknownFields(false), Arbitraries.randoms(), texts())
        .as((known, value, unknown, random, name) -> {
          known.set(7, value[0]);
          known.set(8, value[1]);
          List<String> data = entries(known);
          data.addAll(unknown);
          Collections.shuffle(data, random);
          List<String> payload = new ArrayList<>(List.of("\"data\":" + object(data), "\"subscriptionId\":" + text("s-" + random.nextInt(99))));
          Collections.shuffle(payload, random);
          return "42[" + name + "," + object(payload) + "]";
        });
  }

  @Provide
  Arbitrary<String> hostileFrames() {
    Arbitrary<List<String>> fields =
        Combinators.combine(
                List.of(
                    Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("\"DEVICE_EVENT\"")), Tuple.of(3, Arbitraries.just((String) null)), Tuple.of(1, anyValue())),
                    mostlyText(), mostlyText(), mostlyText(),
                    optional(anyValue(), 2),
                    mostlyText(), mostlyText(),
                    Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("9.2", "\"on\"", "true", "87", "{\"hue\":1}")), Tuple.of(4, anyValue()), Tuple.of(1, Arbitraries.just((String) null))),
                    optional(Arbitraries.oneOf(Arbitraries.of("\"number\"", "\"integer\"", "\"string\"", "\"boolean\"", "\"object\""), anyValue()), 3),
                    optional(anyValue(), 2),
                    optional(anyValue(), 2),
                    Arbitraries.frequencyOf(Tuple.of(12, instants()), Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(1, anyValue()))))
            .as(ArrayList::new);
    Arbitrary<String> subscription = optional(Arbitraries.oneOf(texts(), anyValue()), 2);
    Arbitrary<String> prefix = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just("42")), Tuple.of(1, Arbitraries.of("42/ns,", "421", "43", "4", "2", "452-")));
    Arbitrary<String> tail = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(" ", ",3", ",{}", "]", "}", "x", " []", "\n")));
    return Combinators.combine(fields, unknownFields(true), subscription, subscription, Arbitraries.randoms(), prefix, tail, anyValue())
        .as((known, unknown, subscriptionId, id, random, head, end, name) -> {
          List<String> data = entries(known);
          data.addAll(unknown);
          duplicateSometimes(data, random);
          Collections.shuffle(data, random);
          List<String> payload = new ArrayList<>();
          payload.add("\"data\":" + (random.nextInt(20) == 0 ? anyScalar(random) : object(data)));
          if (subscriptionId != null) {
            payload.add("\"subscriptionId\":" + subscriptionId);
          }
          if (id != null) {
            payload.add("\"id\":" + id);
          }
          if (random.nextInt(4) == 0) {
            payload.add("\"state\":\"active\"");
          }
          duplicateSometimes(payload, random);
          Collections.shuffle(payload, random);
          boolean moreArguments = end.startsWith(",");
          String frame = head + "[" + (random.nextInt(8) == 0 ? name : "\"ev\"") + "," + object(payload)
              + (moreArguments ? end : "") + "]" + (moreArguments ? "" : end);
          if (random.nextInt(15) == 0) {
            frame = frame.substring(0, random.nextInt(frame.length()));
          }
          return frame;
        });
  }

  /** Unknown fields: JSON of any shape; hostile ones nest deeply or carry numbers past Jackson's limits. */
  private static Arbitrary<List<String>> unknownFields(boolean hostile) {
    Arbitrary<String> name = Arbitraries.strings().ofMaxLength(8).filter(n -> !List.of(KNOWN).contains(n) && !n.equals("data"));
    Arbitrary<String> value = hostile
        ? Arbitraries.frequencyOf(Tuple.of(6, json(3)), Tuple.of(1, nested()), Tuple.of(1, hugeNumbers()), Tuple.of(1, anyValue()))
        : json(3);
    return Combinators.combine(name, value).as((n, v) -> text(n) + ":" + v).list().ofMaxSize(3);
  }

  private static void duplicateSometimes(List<String> entries, Random random) {
    if (!entries.isEmpty() && random.nextInt(6) == 0) {
      String original = entries.get(random.nextInt(entries.size()));
      String key = original.substring(0, original.indexOf("\":") + 2);
      entries.add(random.nextBoolean() ? original : key + anyScalar(random));
    }
  }

  private static String anyScalar(Random random) {
    String[] scalars = {"null", "true", "1", "\"\"", "\"x\"", "2.5", "{}", "[]"};
    return scalars[random.nextInt(scalars.length)];
  }

  private static List<String> entries(List<String> known) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < KNOWN.length; i++) {
      if (known.get(i) != null) {
        entries.add("\"" + KNOWN[i] + "\":" + known.get(i));
      }
    }
    return entries;
  }

  private static String object(List<String> entries) {
    return "{" + String.join(",", entries) + "}";
  }

  private static Arbitrary<String> optional(Arbitrary<String> value, int presentToAbsent) {
    return Arbitraries.frequencyOf(Tuple.of(presentToAbsent, value), Tuple.of(1, Arbitraries.just((String) null)));
  }

  private static Arbitrary<String> mostlyText() {
    Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(DeviceEventFramePropertiesTest::text);
    return Arbitraries.frequencyOf(
        Tuple.of(40, id), Tuple.of(3, texts()), Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(1, anyValue()));
  }

  /** JSON strings: any characters, sometimes every one written as a \\u escape. */
  private static Arbitrary<String> texts() {
    Arbitrary<String> raw = Arbitraries.strings().ofMaxLength(14);
    return Arbitraries.oneOf(raw.map(DeviceEventFramePropertiesTest::text), raw.map(DeviceEventFramePropertiesTest::escapedText),
        Arbitraries.of("", " ", "\t").map(DeviceEventFramePropertiesTest::text));
  }

  /** Any JSON value, including the edges: numbers of every size and exponent, blanks, nesting. */
  private static Arbitrary<String> anyValue() {
    return Arbitraries.oneOf(
        json(2),
        texts(),
        Arbitraries.of("0", "-0", "-0.0", "1.50", "1e999", "1e-999", "1E+2", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "1.0e101", "1e100", "0.000", "true", "false", "null", "[]", "{}"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(120).map(d -> "1" + d),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(120).map(d -> "0." + d + "1"),
        Arbitraries.of("\"12\"", "\" 3.5 \"", "\"1e999\"", "\"abc\"", "\"true\"", "\"TRUE\"", "\"2021-06-09T04:16:03.854Z\""));
  }

  private static Arbitrary<String> validInstants() {
    Arbitrary<Long> millis =
        Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").toEpochMilli(), Instant.parse("9999-12-31T23:59:59Z").toEpochMilli());
    return Arbitraries.oneOf(millis.map(ms -> text(Instant.ofEpochMilli(ms).toString())), millis.map(String::valueOf));
  }

  private static Arbitrary<String> instants() {
    return Arbitraries.oneOf(
        validInstants(),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("\"2021-06-09T04:16:03.854Z\"", "\"2021-06-09T04:16:03Z\"", "\"2021-06-09T04:16:03.854+02:00\"",
            "\"10000-01-01T00:00:00Z\"", "\"2021-13-09T04:16:03Z\"", "\"yesterday\"", "1623212163854.5", "1e3",
            "\"" + "2".repeat(70) + "\"", "-62135596800001", "253402300800000"));
  }

  private static Arbitrary<String> nested() {
    return Arbitraries.integers().between(1, 1200).map(depth -> "[".repeat(depth) + "]".repeat(depth));
  }

  private static Arbitrary<String> hugeNumbers() {
    return Arbitraries.integers().between(990, 1100).map(digits -> "9".repeat(digits));
  }

  private static Arbitrary<String> json(int depth) {
    return CodecPropertiesTest.jsonValues(depth).map(DeviceEventFramePropertiesTest::write);
  }

  private static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(String value) {
    return write(value);
  }

  private static String escapedText(String value) {
    StringBuilder out = new StringBuilder("\"");
    value.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.append('"').toString();
  }
}
