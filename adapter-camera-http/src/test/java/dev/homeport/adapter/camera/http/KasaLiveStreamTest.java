package dev.homeport.adapter.camera.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.domain.Secret;
import dev.homeport.support.TrustMode;
import dev.homeport.domain.media.MediaCodec;
import dev.homeport.domain.media.MediaFrame;
import dev.homeport.domain.media.MediaKind;
import dev.homeport.domain.media.StreamGap;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ViewerLimitException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.media.FrameFanout;
import dev.homeport.ports.media.H264Frames;
import dev.homeport.ports.media.ImmutableStreamOptions;
import dev.homeport.ports.media.StreamOptions;
import dev.homeport.simulators.kasa.KasaStreamSimulator;
import dev.homeport.simulators.kasa.SampleClip;
import dev.homeport.simulators.kasa.StreamFault;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KasaLiveStreamTest {

  static final SelfSignedCertificate CERT = SelfSignedCertificate.create("kasa-stream-test");
  KasaStreamSimulator sim;
  Camera camera;

  @AfterEach
  void close() {
    if (camera != null) {
      camera.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  Camera connect(KasaStreamSimulator s, String password) {
    return KasaTestSupport.DRIVER.connect(ImmutableKasaCameraConfig.builder()
        .name("porch")
        .host("127.0.0.1")
        .port(1) // LINKIE is not used here
        .streamPort(s.streamPort())
        .talkPort(s.talkPort())
        .username("user@example.com")
        .password(Secret.of(password))
        .trustMode(TrustMode.PINNED)
        .pinnedSha256(s.fingerprint())
        .connectTimeout(Duration.ofSeconds(5))
        .streamStallTimeout(Duration.ofSeconds(3))
        .build());
  }

  KasaStreamSimulator sim(double speed) {
    return KasaStreamSimulator.builder().certificate(CERT).speed(speed).start();
  }

  static final class Collector implements Flow.Subscriber<MediaFrame> {
    final List<MediaFrame> frames = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile Flow.Subscription subscription;
    final long demand;

    Collector(long demand) {
      this.demand = demand;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (demand > 0) {
        s.request(demand);
      }
    }

    @Override
    public void onNext(MediaFrame f) {
      frames.add(f);
    }

    @Override
    public void onError(Throwable t) {
      error.set(t);
    }

    @Override
    public void onComplete() {}

    long video() {
      return frames.stream().filter(f -> f.kind() == MediaKind.VIDEO).count();
    }
  }

  /** Every video frame is one of the clip's pictures, whole (after SPS/PPS put in front of key frames). */
  static void assertIntactAndOrdered(List<MediaFrame> frames) {
    SampleClip clip = SampleClip.get();
    byte[] params = clip.parameterSets();
    Duration last = Duration.ZERO;
    assertThat(frames.get(0).kind()).isEqualTo(MediaKind.VIDEO);
    assertThat(frames.get(0).keyFrame()).isTrue();
    for (MediaFrame f : frames) {
      assertThat(f.timestamp()).isGreaterThanOrEqualTo(last);
      last = f.timestamp();
      if (f.codec() == MediaCodec.G711U) {
        assertThat(f.size()).isEqualTo(160);
        continue;
      }
      byte[] b = f.bytes();
      List<H264Frames.NalUnit> nals = H264Frames.nalUnits(b);
      assertThat(nals).isNotEmpty();
      assertThat(nals).allMatch(n -> List.of(1, 5, 6, 7, 8).contains(n.type()));
      byte[] picture = b;
      if (f.keyFrame()) {
        assertThat(nals).extracting(H264Frames.NalUnit::type).startsWith(7, 8);
        assertThat(Arrays.copyOf(b, params.length)).isEqualTo(params);
        picture = Arrays.copyOfRange(b, params.length, b.length);
      }
      byte[] p = picture;
      assertThat(clip.accessUnits().stream().anyMatch(u -> Arrays.equals(u, p)))
          .as("video frame at %s is a whole picture of the clip", f.timestamp()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(KasaStreamSimulator.Framing.class)
  void anyOuterFraming_deliversWholePicturesInOrder_startingAtAKeyFrame(KasaStreamSimulator.Framing framing) {
    sim = sim(10).framing(framing);
    camera = connect(sim, "secret");
    assertThat(camera.capabilities().liveStream()).isTrue();
    Collector c = new Collector(Long.MAX_VALUE);
    camera.stream().orElseThrow().frames().subscribe(c);
    await().atMost(Duration.ofSeconds(30)).until(() -> c.video() >= 50 || c.error.get() != null);
    assertThat(c.error.get()).isNull();
    c.subscription.cancel();
    assertIntactAndOrdered(c.frames);
    assertThat(c.frames.stream().filter(f -> f.kind() == MediaKind.AUDIO).count()).isGreaterThan(100);
    assertThat(c.frames).noneMatch(f -> f.gap().isPresent());
    assertThat(sim.streamRequests().get(0).pathAndQuery())
        .isEqualTo("/https/stream/mixed?video=h264&audio=g711&resolution=hd");
  }

  @ParameterizedTest
  @EnumSource(StreamFault.class)
  void everyFault_keepsPicturesWholeAndInOrder_andResumesAtAKeyFrameWithAGapNotice(StreamFault fault) {
    sim = sim(10);
    camera = connect(sim, "secret");
    Collector c = new Collector(Long.MAX_VALUE);
    sim.inject(fault, 40);
    camera.stream().orElseThrow().frames(ImmutableStreamOptions.builder()
        .resolution(dev.homeport.domain.media.StreamResolution.VGA).build()).subscribe(c);
    await().atMost(Duration.ofSeconds(40)).until(() -> sim.faultsApplied() == 1 || c.error.get() != null);
    long atFault = c.video();
    await().atMost(Duration.ofSeconds(40)).until(() -> c.video() >= atFault + 25 || c.error.get() != null);
    assertThat(c.error.get()).isNull();
    c.subscription.cancel();
    assertIntactAndOrdered(c.frames);
    List<StreamGap> gaps = new ArrayList<>();
    for (MediaFrame f : c.frames) {
      f.gap().ifPresent(g -> {
        assertThat(f.keyFrame()).as("a gap notice rides on a key frame").isTrue();
        assertThat(f.kind()).isEqualTo(MediaKind.VIDEO);
        gaps.add(g);
      });
    }
    switch (fault) {
      case STALL:
      case DROP_MID_PART:
        assertThat(gaps).extracting(StreamGap::reason).containsExactly(StreamGap.Reason.RECONNECTED);
        assertThat(gaps.get(0).reconnects()).isEqualTo(1);
        assertThat(gaps.get(0).lastTimestamp()).isPresent();
        assertThat(sim.streamConnections()).isEqualTo(2);
        break;
      case TRUNCATED_PART:
      case WRONG_CONTENT_LENGTH:
        assertThat(gaps).extracting(StreamGap::reason).containsExactly(StreamGap.Reason.DAMAGED_PART);
        assertThat(sim.streamConnections()).isEqualTo(1);
        break;
      default:
        assertThat(gaps).isEmpty();
        assertThat(sim.streamConnections()).isEqualTo(1);
    }
    assertThat(sim.streamRequests().get(0).pathAndQuery()).endsWith("resolution=vga");
  }

  @Test
  void aSecondViewer_isRefusedWithAViewerLimitError() {
    sim = sim(5);
    camera = connect(sim, "secret");
    Collector first = new Collector(Long.MAX_VALUE);
    camera.stream().orElseThrow().frames().subscribe(first);
    await().atMost(Duration.ofSeconds(20)).until(() -> first.video() > 0);
    Collector second = new Collector(Long.MAX_VALUE);
    camera.stream().orElseThrow().frames().subscribe(second);
    await().atMost(Duration.ofSeconds(20)).until(() -> second.error.get() != null);
    assertThat(second.error.get()).isInstanceOf(ViewerLimitException.class)
        .hasMessageContaining("allows one viewer");
    assertThat(((ViewerLimitException) second.error.get()).retryable()).isTrue();
    assertThat(sim.busyAnswers()).isEqualTo(1);
    assertThat(first.error.get()).isNull();
  }

  @Test
  void subscribersOfOnePublisher_shareOneConnection_andALateOneStartsAtAKeyFrameWithItsParameterSets() {
    sim = sim(10);
    camera = connect(sim, "secret");
    Flow.Publisher<MediaFrame> live = camera.stream().orElseThrow().frames();
    Collector early = new Collector(Long.MAX_VALUE);
    live.subscribe(early);
    await().atMost(Duration.ofSeconds(20)).until(() -> early.video() > 25); // past the first GOP
    Collector late = new Collector(Long.MAX_VALUE);
    live.subscribe(late);
    await().atMost(Duration.ofSeconds(20)).until(() -> late.video() > 15);
    assertIntactAndOrdered(late.frames); // its first frame carries SPS/PPS sent only at connection start
    assertThat(sim.streamConnections()).isEqualTo(1);
    assertThat(sim.busyAnswers()).isZero();
  }

  @Test
  void aSubscriberThatNeverRequests_holdsABoundedBuffer() {
    sim = sim(40);
    camera = connect(sim, "secret");
    StreamOptions small = ImmutableStreamOptions.builder().bufferFrames(32).build();
    Flow.Publisher<MediaFrame> live = camera.stream().orElseThrow().frames(small);
    Collector idle = new Collector(0);
    live.subscribe(idle);
    await().atMost(Duration.ofSeconds(30)).until(() -> sim.partsSent() > 3000);
    FrameFanout fanout = (FrameFanout) live;
    assertThat(fanout.droppedFrames()).isGreaterThan(2000);
    idle.subscription.request(Long.MAX_VALUE);
    await().atMost(Duration.ofSeconds(10)).until(() -> idle.frames.size() > 32);
    // what was held for it was one buffer at most, starting at a key frame, and then live frames
    assertThat(idle.frames.get(0).keyFrame()).isTrue();
    idle.subscription.cancel();
  }

  @Test
  void wrongPassword_endsTheStreamWithAnAuthenticationError_afterTryingTheUnboundForm() {
    sim = sim(5);
    camera = connect(sim, "wrong");
    Collector c = new Collector(1);
    camera.stream().orElseThrow().frames().subscribe(c);
    await().atMost(Duration.ofSeconds(20)).until(() -> c.error.get() != null);
    assertThat(c.error.get()).isInstanceOf(AuthenticationException.class).hasMessageNotContaining("wrong");
    assertThat(sim.streamRequests()).extracting(KasaStreamSimulator.StreamRequest::status).containsExactly(401, 401);
  }

  @Test
  void closingTheCamera_endsItsStreams() {
    sim = sim(5);
    camera = connect(sim, "secret");
    Collector c = new Collector(Long.MAX_VALUE);
    camera.stream().orElseThrow().frames().subscribe(c);
    await().atMost(Duration.ofSeconds(20)).until(() -> c.video() > 0);
    camera.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> c.error.get() != null);
    assertThat(c.error.get()).isInstanceOf(dev.homeport.ports.ClosedException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> !sim.viewing());
  }
}
