package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.domain.Secret;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.media.CameraTalk;
import dev.homeport.simulators.kasa.KasaStreamSimulator;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KasaTalkTest {

  final ExecutorService executor = Executors.newCachedThreadPool();
  KasaStreamSimulator sim;

  @AfterEach
  void close() {
    executor.shutdownNow();
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void parts_are160ByteAudioEvery20ms_withAHeartbeatEvery3s() throws Exception {
    byte[] sound = new byte[8000 * 7 + 50]; // 7 s and a bit
    TalkParts parts = new TalkParts(new ByteArrayInputStream(sound));
    List<TalkParts.Part> all = new ArrayList<>();
    for (TalkParts.Part p; (p = parts.next()) != null; ) {
      all.add(p);
    }
    List<Long> audioDue = all.stream().filter(TalkParts.Part::audio).map(TalkParts.Part::dueNanos).toList();
    List<Long> heartbeatDue = all.stream().filter(p -> !p.audio()).map(TalkParts.Part::dueNanos).toList();
    assertThat(audioDue).hasSize(351); // 56050 bytes in 160-byte parts, the last one padded
    for (int i = 0; i < audioDue.size(); i++) {
      assertThat(audioDue.get(i)).isEqualTo(i * 20_000_000L);
    }
    assertThat(heartbeatDue).containsExactly(0L, 3_000_000_000L, 6_000_000_000L);
    for (TalkParts.Part p : all) {
      String head = new String(p.wire(), 0, p.wire().length - (p.audio() ? 162 : 2), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(head).isEqualTo("--audio-boundary--\r\nContent-Type: " + (p.audio() ? "audio/g711u" : "audio/heartbeat")
          + "\r\nContent-Length: " + (p.audio() ? 160 : 0) + "\r\n\r\n");
    }
    long dueOrder = -1;
    for (TalkParts.Part p : all) {
      assertThat(p.dueNanos()).isGreaterThanOrEqualTo(dueOrder);
      dueOrder = p.dueNanos();
    }
    assertThat(parts.audioBytes()).isEqualTo(sound.length);
  }

  KasaTalk talk(String password, List<Long> dues) {
    HttpClient client = HttpClient.newBuilder()
        .sslContext(sim.certificateTrustingContext())
        .executor(executor)
        .build();
    String auth = new Credentials("user@example.com", Secret.of(password)).authorization(AuthVariant.MD5);
    return new KasaTalk("porch", "127.0.0.1", sim.talkPort(), auth, client, executor,
        () -> dues::add); // no waiting: the schedule is checked, not the clock
  }

  @Test
  void talk_reachesTheSimulatorAsThePartsTheNotesDescribe() throws Exception {
    sim = KasaStreamSimulator.builder().start();
    List<Long> dues = new java.util.concurrent.CopyOnWriteArrayList<>();
    CameraTalk.TalkResult result = talk("secret", dues).talk(new ByteArrayInputStream(new byte[8000 * 4]))
        .get(30, TimeUnit.SECONDS);
    assertThat(result.audioParts()).isEqualTo(200);
    assertThat(result.heartbeats()).isEqualTo(2);
    KasaStreamSimulator.TalkSession session = sim.talkSessions().get(0);
    assertThat(session.playerId()).matches("tty\\.[a-z0-9]{32}").isEqualTo(session.appId());
    assertThat(session.contentType()).isEqualTo("multipart/x-mixed-replace;boundary=audio-boundary--");
    assertThat(session.parts()).filteredOn(p -> p.contentType().equals("audio/g711u")).hasSize(200)
        .allMatch(p -> p.length() == 160);
    assertThat(session.parts()).filteredOn(p -> p.contentType().equals("audio/heartbeat")).hasSize(2)
        .allMatch(p -> p.length() == 0);
    assertThat(dues).hasSize(202);
  }

  @Test
  void talk_withAWrongPassword_failsWithAnAuthenticationError() {
    sim = KasaStreamSimulator.builder().start();
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
        () -> talk("wrong", new ArrayList<>()).talk(new ByteArrayInputStream(new byte[800])).join());
    assertThat(failure).isInstanceOf(CompletionException.class);
    assertThat(failure.getCause()).isInstanceOf(AuthenticationException.class).hasMessageNotContaining("wrong");
  }
}
