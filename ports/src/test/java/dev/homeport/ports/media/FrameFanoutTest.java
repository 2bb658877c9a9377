package dev.homeport.ports.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.media.MediaCodec;
import dev.homeport.domain.media.MediaFrame;
import dev.homeport.domain.media.StreamGap;
import dev.homeport.ports.SubscriberOverflowException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FrameFanoutTest {

  static final class Source implements FrameFanout.Source {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();

    @Override
    public void start(FrameFanout fanout) {
      starts.incrementAndGet();
    }

    @Override
    public void stop() {
      stops.incrementAndGet();
    }
  }

  static final class Sub implements Flow.Subscriber<MediaFrame> {
    final List<MediaFrame> frames = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile boolean complete;
    volatile Flow.Subscription subscription;
    final long initial;

    Sub(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (initial > 0) {
        s.request(initial);
      }
    }

    @Override
    public void onNext(MediaFrame item) {
      frames.add(item);
    }

    @Override
    public void onError(Throwable t) {
      error.set(t);
    }

    @Override
    public void onComplete() {
      complete = true;
    }
  }

  static int ts;

  static MediaFrame video(boolean key) {
    return MediaFrame.of(MediaCodec.H264, Duration.ofMillis(100L * ++ts), key, new byte[] {0, 0, 0, 1, (byte) (key ? 0x65 : 0x41)});
  }

  static MediaFrame audio() {
    return MediaFrame.of(MediaCodec.G711U, Duration.ofMillis(100L * ++ts), true, new byte[160]);
  }

  static StreamOptions opts(int frames, FrameDropPolicy policy) {
    return ImmutableStreamOptions.builder().bufferFrames(frames).dropPolicy(policy).build();
  }

  @Test
  void subscribers_startAtAKeyFrame_andTheSourceFollowsThem() {
    Source source = new Source();
    FrameFanout fanout = new FrameFanout(Runnable::run, StreamOptions.defaults(), true, source);
    Sub sub = new Sub(Long.MAX_VALUE);
    fanout.subscribe(sub);
    assertThat(source.starts).hasValue(1);
    fanout.offer(audio());
    fanout.offer(video(false));
    MediaFrame key = video(true);
    fanout.offer(key);
    fanout.offer(audio());
    assertThat(sub.frames).hasSize(2);
    assertThat(sub.frames.get(0)).isEqualTo(key);
    sub.subscription.cancel();
    assertThat(source.stops).hasValue(1);
    assertThat(fanout.running()).isFalse();
  }

  @Test
  void aSubscriberThatNeverRequests_holdsAtMostItsBuffer_andLosesWholeGops() {
    FrameFanout fanout = new FrameFanout(Runnable::run, opts(8, FrameDropPolicy.DROP_WHOLE_GOPS), true, new Source());
    Sub idle = new Sub(0);
    Sub fast = new Sub(Long.MAX_VALUE);
    fanout.subscribe(idle);
    fanout.subscribe(fast);
    for (int gop = 0; gop < 100; gop++) {
      fanout.offer(video(true));
      for (int i = 0; i < 4; i++) {
        fanout.offer(video(false));
        fanout.offer(audio());
      }
    }
    fanout.offer(video(true));
    assertThat(fast.frames).hasSize(901);
    assertThat(fanout.droppedFrames()).isGreaterThan(800);
    idle.subscription.request(Long.MAX_VALUE);
    assertThat(idle.frames).hasSizeLessThanOrEqualTo(8);
    assertThat(idle.frames.get(0).keyFrame()).isTrue();
    assertThat(idle.frames.get(0).gap()).map(StreamGap::reason).contains(StreamGap.Reason.SUBSCRIBER_BEHIND);
    // what it got after the gap is one GOP prefix: a key frame, then its own pictures
    assertThat(idle.frames.stream().filter(f -> f.kind() == dev.homeport.domain.media.MediaKind.VIDEO && f.keyFrame())).hasSize(1);
  }

  @Test
  void failPolicy_endsOnlyTheSlowSubscriber() {
    FrameFanout fanout = new FrameFanout(Runnable::run, opts(4, FrameDropPolicy.FAIL_SUBSCRIPTION), true, new Source());
    Sub slow = new Sub(1);
    Sub fast = new Sub(Long.MAX_VALUE);
    fanout.subscribe(slow);
    fanout.subscribe(fast);
    fanout.offer(video(true));
    for (int i = 0; i < 10; i++) {
      fanout.offer(video(false));
    }
    assertThat(slow.error.get()).isInstanceOf(SubscriberOverflowException.class);
    assertThat(fast.frames).hasSize(11);
    assertThat(fast.error.get()).isNull();
  }

  @Test
  void gap_resumesAtTheNextKeyFrame_whichCarriesTheNotice() {
    FrameFanout fanout = new FrameFanout(Runnable::run, StreamOptions.defaults(), true, new Source());
    Sub sub = new Sub(Long.MAX_VALUE);
    fanout.subscribe(sub);
    fanout.offer(video(true));
    MediaFrame last = video(false);
    fanout.offer(last);
    fanout.gap(new StreamGap(StreamGap.Reason.RECONNECTED, Optional.empty(), 1, 0, "dropped"));
    fanout.offer(audio());
    fanout.offer(video(false));
    MediaFrame key = video(true);
    fanout.offer(key);
    assertThat(sub.frames).hasSize(3);
    StreamGap gap = sub.frames.get(2).gap().orElseThrow();
    assertThat(gap.reason()).isEqualTo(StreamGap.Reason.RECONNECTED);
    assertThat(gap.reconnects()).isEqualTo(1);
    assertThat(gap.lastTimestamp()).contains(last.timestamp());
    assertThat(gap.droppedFrames()).isEqualTo(2);
  }

  @Test
  void fail_endsEverySubscriber_andALaterOneStartsTheSourceAgain() {
    Source source = new Source();
    FrameFanout fanout = new FrameFanout(Runnable::run, StreamOptions.defaults(), true, source);
    Sub a = new Sub(1);
    fanout.subscribe(a);
    fanout.fail(new IllegalStateException("busy"));
    assertThat(a.error.get()).hasMessage("busy");
    assertThat(source.stops).hasValue(1);
    fanout.subscribe(new Sub(1));
    assertThat(source.starts).hasValue(2);
    fanout.close(null);
    Sub late = new Sub(1);
    fanout.subscribe(late);
    assertThat(late.complete).isTrue();
  }
}
