package dev.homeport.ports.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.media.MediaFrame;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class H264FramesTest {

  static byte[] annexB(int... typesThenPayloadLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int type : typesThenPayloadLength) {
      out.writeBytes(new byte[] {0, 0, 0, 1, (byte) (0x60 | type), 0x11, 0x22, 0x33});
    }
    return out.toByteArray();
  }

  @Test
  void nalUnits_splitsOnThreeAndFourByteStartCodes() {
    byte[] run = {9, 9, 0, 0, 1, 0x67, 1, 2, 0, 0, 0, 1, 0x68, 3, 0, 0, 1, 0x65, 4, 5, 6, 0, 0};
    List<H264Frames.NalUnit> units = H264Frames.nalUnits(run);
    assertThat(units).extracting(H264Frames.NalUnit::type).containsExactly(7, 8, 5);
    assertThat(units).extracting(H264Frames.NalUnit::length).containsExactly(3, 2, 4);
    assertThat(units.get(0).offset()).isEqualTo(5);
  }

  @Property(tries = 200)
  void nalUnits_findsEveryUnitOfAnyRun(@ForAll @Size(min = 1, max = 20) List<@Size(min = 1, max = 300) byte[]> units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int expected = 0;
    for (byte[] u : units) {
      // an emulation-prevented unit never holds 00 00 0x (x <= 3) nor ends with 00: make it so
      byte[] safe = u.clone();
      for (int i = 0; i < safe.length; i++) {
        if (safe[i] == 0) {
          safe[i] = 7;
        }
      }
      out.writeBytes(new byte[] {0, 0, 0, 1});
      out.writeBytes(safe);
      expected++;
    }
    byte[] run = out.toByteArray();
    List<H264Frames.NalUnit> found = H264Frames.nalUnits(run);
    assertThat(found).hasSize(expected);
    int i = 0;
    for (H264Frames.NalUnit n : found) {
      assertThat(n.length()).isEqualTo(units.get(i++).length);
    }
  }

  @Test
  void idrWithoutParameterSets_getsTheLatestOnesInFront() {
    H264Frames frames = new H264Frames();
    assertThat(frames.accept(Duration.ofSeconds(1), annexB(1))).isEmpty(); // before any IDR
    assertThat(frames.accept(Duration.ofSeconds(1), annexB(7, 8))).isEmpty(); // kept, not emitted
    Optional<MediaFrame> key = frames.accept(Duration.ofSeconds(2), annexB(5));
    assertThat(key).isPresent();
    assertThat(key.get().keyFrame()).isTrue();
    assertThat(H264Frames.nalUnits(key.get().bytes())).extracting(H264Frames.NalUnit::type).containsExactly(7, 8, 5);
    MediaFrame p = frames.accept(Duration.ofSeconds(3), annexB(1)).orElseThrow();
    assertThat(p.keyFrame()).isFalse();
    assertThat(H264Frames.nalUnits(p.bytes())).extracting(H264Frames.NalUnit::type).containsExactly(1);
    assertThat(frames.droppedFrames()).isEqualTo(1);
  }

  @Test
  void resync_holdsPicturesBackUntilTheNextIdr() {
    H264Frames frames = new H264Frames();
    frames.accept(Duration.ZERO, annexB(7, 8, 5)).orElseThrow();
    frames.resync();
    assertThat(frames.accept(Duration.ofSeconds(1), annexB(1))).isEmpty();
    MediaFrame key = frames.accept(Duration.ofSeconds(2), annexB(5)).orElseThrow();
    assertThat(H264Frames.nalUnits(key.bytes())).extracting(H264Frames.NalUnit::type).containsExactly(7, 8, 5);
  }

  @Test
  void payloadWithoutStartCode_isCountedAsMalformed() {
    H264Frames frames = new H264Frames();
    assertThat(frames.accept(Duration.ZERO, new byte[] {1, 2, 3})).isEmpty();
    assertThat(frames.malformedPayloads()).isEqualTo(1);
  }
}
