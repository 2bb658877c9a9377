package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MixedReplaceParserTest {

  static final String BOUNDARY = "data-boundary--";

  record Part(String type, String timestamp, byte[] body) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Part p && p.type.equals(type) && java.util.Objects.equals(p.timestamp, timestamp)
          && Arrays.equals(p.body, body);
    }

    @Override
    public int hashCode() {
      return type.hashCode();
    }

    @Override
    public String toString() {
      return type + "@" + timestamp + "[" + body.length + "]";
    }
  }

  static final class Collector implements MixedReplaceParser.Listener {
    final List<Part> parts = new ArrayList<>();
    final List<MixedReplaceParser.Skip> skips = new ArrayList<>();

    @Override
    public void part(String contentType, String timestamp, byte[] body) {
      parts.add(new Part(contentType, timestamp, body));
    }

    @Override
    public void skipped(MixedReplaceParser.Skip why, String contentType) {
      skips.add(why);
    }
  }

  /** Writes a part the way the protocol notes describe Kasa's: delimiter, headers, body, CRLF. */
  static void write(ByteArrayOutputStream out, String type, String ts, byte[] body, long declaredLength) {
    String head = "--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Length: " + declaredLength
        + "\r\n" + (ts == null ? "" : "X-Timestamp: " + ts + "\r\n") + "\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  static Collector parse(byte[] wire, int[] chunks, int maxBody) {
    Collector c = new Collector();
    MixedReplaceParser p = new MixedReplaceParser(BOUNDARY, 1024, maxBody, c);
    int at = 0;
    int i = 0;
    while (at < wire.length) {
      int n = Math.min(wire.length - at, chunks.length == 0 ? wire.length : Math.max(1, chunks[i++ % chunks.length]));
      p.feed(wire, at, n);
      at += n;
    }
    return c;
  }

  @Provide
  Arbitrary<List<Part>> parts() {
    Arbitrary<String> types = Arbitraries.of("video/x-h264", "audio/g711u", "application/x-unknown");
    Arbitrary<String> stamps = Arbitraries.longs().between(0, 2_000_000_000L).map(s -> s + "." + (s % 1000));
    Arbitrary<byte[]> bodies = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
        // bodies full of the characters a naive parser trips on
        Arbitraries.of("\r\n", "--", "\r\n--data", "-", "\n", "x").list().ofMaxSize(200)
            .map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1)));
    return Combinators.combine(types, stamps, bodies).as(Part::new).list().ofMaxSize(25);
  }

  @Property(tries = 300)
  void anyChunking_deliversEveryPartIntactAndInOrder(
      @ForAll("parts") List<Part> parts, @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 4000) Integer> chunking) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (Part p : parts) {
      write(wire, p.type, p.timestamp, p.body, p.body.length);
    }
    // the stream goes on: the last part completes when the next delimiter arrives
    wire.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    Collector c = parse(wire.toByteArray(), chunking.stream().mapToInt(Integer::intValue).toArray(), 4096);
    assertThat(c.parts).containsExactlyElementsOf(parts);
    assertThat(c.skips).isEmpty();
  }

  @Property(tries = 200)
  void aDamagedPart_isSkippedAndItsNeighboursSurvive(
      @ForAll("parts") List<Part> parts, @ForAll @IntRange(min = 0, max = 30) int victim,
      @ForAll @IntRange(min = -50, max = 50) int lengthError,
      @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 4000) Integer> chunking) {
    if (parts.isEmpty() || lengthError == 0) {
      return;
    }
    int v = victim % parts.size();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    List<Part> expected = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (i == v) {
        long declared = Math.max(0, p.body.length + lengthError);
        if (declared == p.body.length) {
          expected.add(p);
        }
        write(wire, p.type, p.timestamp, p.body, declared);
      } else {
        write(wire, p.type, p.timestamp, p.body, p.body.length);
        expected.add(p);
      }
    }
    wire.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    Collector c = parse(wire.toByteArray(), chunking.stream().mapToInt(Integer::intValue).toArray(), 4096);
    assertThat(c.parts).containsExactlyElementsOf(expected);
    assertThat(c.skips).hasSize(parts.size() - expected.size());
  }

  @Test
  void truncatedPart_isSkippedAsLengthMismatch() {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    write(wire, "video/x-h264", "1.0", new byte[] {0, 0, 0, 1, 0x65, 1, 2}, 7);
    // announced 100 bytes, the camera cut the part after 10
    String head = "--" + BOUNDARY + "\r\nContent-Type: video/x-h264\r\nContent-Length: 100\r\nX-Timestamp: 1.1\r\n\r\n";
    wire.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    wire.writeBytes(new byte[10]);
    write(wire, "audio/g711u", "1.2", new byte[160], 160);
    wire.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    Collector c = parse(wire.toByteArray(), new int[] {3}, 4096);
    assertThat(c.parts).extracting(Part::timestamp).containsExactly("1.0", "1.2");
    assertThat(c.skips).containsExactly(MixedReplaceParser.Skip.LENGTH_MISMATCH);
  }

  @Test
  void oversizedPart_isSkippedAndMemoryStaysBounded() {
    Collector c = new Collector();
    MixedReplaceParser p = new MixedReplaceParser(BOUNDARY, 1024, 4096, c);
    byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: video/x-h264\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    p.feed(head, 0, head.length);
    byte[] junk = new byte[1000];
    int maxHeld = 0;
    for (int i = 0; i < 1000; i++) { // a megabyte without a delimiter
      p.feed(junk, 0, junk.length);
      maxHeld = Math.max(maxHeld, p.buffered());
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    write(wire, "audio/g711u", "2", new byte[160], 160);
    wire.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    byte[] rest = wire.toByteArray();
    p.feed(rest, 0, rest.length);
    assertThat(maxHeld).isLessThanOrEqualTo(4096 + 1024 + 4 * (BOUNDARY.length() + 2));
    assertThat(c.skips).containsExactly(MixedReplaceParser.Skip.TOO_LARGE);
    assertThat(c.parts).extracting(Part::timestamp).containsExactly("2");
  }

  @Test
  void garbageBeforeAndBetweenParts_isIgnored() {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes("HTTP junk\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    write(wire, "audio/g711u", "1", new byte[] {1, 2, 3}, 3);
    write(wire, "audio/g711u", "2", new byte[] {4}, 4);
    wire.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    Collector c = parse(wire.toByteArray(), new int[0], 4096);
    assertThat(c.parts).extracting(Part::timestamp).containsExactly("1");
    assertThat(c.skips).containsExactly(MixedReplaceParser.Skip.LENGTH_MISMATCH);
  }

  @Test
  void boundaryOf_readsTheContentTypeParameter() {
    assertThat(MixedReplaceParser.boundaryOf("multipart/x-mixed-replace;boundary=data-boundary--", "x"))
        .isEqualTo("data-boundary--");
    assertThat(MixedReplaceParser.boundaryOf("multipart/x-mixed-replace; boundary=\"ab\"", "x")).isEqualTo("ab");
    assertThat(MixedReplaceParser.boundaryOf("multipart/x-mixed-replace", "x")).isEqualTo("x");
    assertThat(MixedReplaceParser.boundaryOf(null, "x")).isEqualTo("x");
  }
}
