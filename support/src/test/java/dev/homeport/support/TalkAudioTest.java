package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.ports.media.G711;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class TalkAudioTest {

  @Test
  void g711_roundTripsWithinItsQuantisation() {
    for (int s = -32768; s <= 32767; s += 7) {
      int back = G711.decode(G711.encode(s));
      int tolerance = Math.max(8, Math.abs(s) / 16);
      assertThat(Math.abs(back - Math.max(-32124, Math.min(32124, s)))).isLessThanOrEqualTo(tolerance);
    }
    assertThat(G711.encode(0)).isEqualTo((byte) 0xff);
  }

  @Test
  void wavOfAnyRateAndChannels_becomes8kHzMonoMuLaw() throws Exception {
    float rate = 44100f;
    int seconds = 2;
    AudioFormat stereo = new AudioFormat(rate, 16, 2, true, false);
    byte[] pcm = new byte[(int) rate * seconds * 4];
    for (int i = 0; i < rate * seconds; i++) {
      short v = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 12000);
      for (int c = 0; c < 2; c++) {
        pcm[4 * i + 2 * c] = (byte) v;
        pcm[4 * i + 2 * c + 1] = (byte) (v >> 8);
      }
    }
    ByteArrayOutputStream wav = new ByteArrayOutputStream();
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), stereo, (long) rate * seconds),
        AudioFileFormat.Type.WAVE, wav);
    byte[] ulaw = TalkAudio.fromWav(new ByteArrayInputStream(wav.toByteArray()), "tone.wav");
    assertThat(ulaw.length).isBetween(8000 * seconds - 100, 8000 * seconds + 100);
    int peak = 0;
    for (byte b : ulaw) {
      peak = Math.max(peak, Math.abs(G711.decode(b)));
    }
    assertThat(peak).isBetween(9000, 15000); // the tone survived conversion at about its level
  }

  @Test
  void notASoundFile_isRefusedNamingIt() {
    assertThatThrownBy(() -> TalkAudio.fromWav(new ByteArrayInputStream("hello".getBytes()), "notes.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notes.txt");
  }
}
