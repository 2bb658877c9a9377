package dev.homeport.ports.media;

import dev.homeport.domain.media.MediaFrame;
import dev.homeport.domain.media.MediaKind;
import dev.homeport.domain.media.StreamGap;
import dev.homeport.ports.SubscriberOverflowException;
import dev.homeport.ports.internal.SubscriberSlot;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publisher side of a {@link CameraStream}, for adapter authors: hands the frames of one camera
 * connection to any number of subscribers, each with its own bounded buffer, demand and start point,
 * and starts and stops the connection as subscribers come and go.
 *
 * <p>What each subscriber sees is what {@link CameraStream} promises: it starts at the next video key
 * frame; frames arrive only as requested; when its buffer ({@link StreamOptions#bufferFrames()} frames
 * or {@link StreamOptions#bufferBytes()} bytes) is full, {@link StreamOptions#dropPolicy()} applies to
 * it alone; after {@link #gap(StreamGap)} it resumes at the next key frame, which carries the notice.
 * Memory stays bounded whatever a subscriber does: a subscriber that never requests holds at most one
 * buffer.
 *
 * <p>The {@link Source} is started when the first subscriber arrives and stopped when the last one
 * leaves (cancels, fails or is failed by {@link #fail}); it may be started again later. Its
 * {@code start} and {@code stop} are called under this fanout's lock, so they must not block nor wait
 * for the source's own thread.
 *
 * <p>Thread-safe: {@link #offer}, {@link #gap}, {@link #fail} and {@link #close} may be called from
 * any thread (the source's reader, normally). Signals to one subscriber are serialized.
 */
public final class FrameFanout implements Flow.Publisher<MediaFrame> {

  /** The connection behind a fanout. */
  public interface Source {
    /** Opens the connection and starts offering frames to {@code fanout}. Must not block. */
    void start(FrameFanout fanout);

    /** Stops offering frames and releases the connection. Must not block. */
    void stop();
  }

  private final Executor executor;
  private final StreamOptions options;
  private final boolean videoExpected;
  private final Source source;
  private final List<Slot> slots = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private final AtomicLong dropped = new AtomicLong();
  private boolean running;
  private boolean closed;
  private Throwable closedWith;

  /**
   * @param executor delivers frames to subscribers
   * @param options buffer sizes and the drop policy
   * @param videoExpected whether the stream carries video (then subscribers start at a video key
   *     frame; otherwise at the first frame)
   * @param source the connection, started and stopped with the subscribers
   */
  public FrameFanout(Executor executor, StreamOptions options, boolean videoExpected, Source source) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.options = Objects.requireNonNull(options, "options");
    this.videoExpected = videoExpected;
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super MediaFrame> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    Slot slot = new Slot(subscriber);
    synchronized (lock) {
      if (closed) {
        slot.terminate(closedWith);
      } else {
        slots.add(slot);
        if (!running) {
          running = true;
          source.start(this);
        }
      }
    }
    slot.schedule();
  }

  /** Hands {@code frame} to every subscriber, in the order frames are offered. Never blocks. */
  public void offer(MediaFrame frame) {
    Objects.requireNonNull(frame, "frame");
    for (Slot slot : slots) {
      slot.offer(frame);
    }
  }

  /**
   * Tells every subscriber that frames were missed: each resumes at the next key frame, which carries
   * {@code gap} (with that subscriber's own last timestamp and drop count filled in).
   */
  public void gap(StreamGap gap) {
    Objects.requireNonNull(gap, "gap");
    for (Slot slot : slots) {
      slot.gap(gap);
    }
  }

  /**
   * Ends every current subscriber with {@code error} (after their buffered frames) and stops the
   * source; later subscribers start it again. For failures that end watching, such as a refused
   * viewer or rejected credentials.
   */
  public void fail(Throwable error) {
    Objects.requireNonNull(error, "error");
    synchronized (lock) {
      for (Slot slot : slots) {
        slot.terminate(error);
        slot.schedule();
      }
      slots.clear();
      stopSource();
    }
  }

  /**
   * Ends every subscriber, now and later: completes them after their buffered frames when
   * {@code error} is null, else signals {@code error}; stops the source. Idempotent.
   */
  public void close(Throwable error) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closedWith = error;
      for (Slot slot : slots) {
        slot.terminate(error);
        slot.schedule();
      }
      slots.clear();
      stopSource();
    }
  }

  /** Subscribers currently subscribed. */
  public int subscriberCount() {
    return slots.size();
  }

  /** Frames dropped so far for subscribers that fell behind, over all subscribers. */
  public long droppedFrames() {
    return dropped.get();
  }

  /** Whether the source is running (some subscriber is subscribed). */
  public boolean running() {
    synchronized (lock) {
      return running;
    }
  }

  private void remove(Slot slot) {
    synchronized (lock) {
      if (slots.remove(slot) && slots.isEmpty()) {
        stopSource();
      }
    }
  }

  private void stopSource() {
    if (running) {
      running = false;
      source.stop();
    }
  }

  private boolean startsGop(MediaFrame frame) {
    return frame.keyFrame() && (frame.kind() == MediaKind.VIDEO || !videoExpected);
  }

  /** One subscriber: its buffered bytes, start point and pending gap (buffer and demand are the base's). */
  private final class Slot extends SubscriberSlot<MediaFrame> {
    private long bufferedBytes;
    private boolean waitingForKey = true;
    private StreamGap pendingGap;
    private long droppedSinceGap;
    private Duration lastTimestamp;

    Slot(Flow.Subscriber<? super MediaFrame> subscriber) {
      super(subscriber, executor, 0);
    }

    void offer(MediaFrame frame) {
      synchronized (this) {
        if (ended()) {
          return;
        }
        if (waitingForKey) {
          if (!startsGop(frame)) {
            if (pendingGap != null) {
              droppedSinceGap++;
              if (pendingGap.reason() == StreamGap.Reason.SUBSCRIBER_BEHIND) {
                dropped.incrementAndGet();
              }
            }
            return;
          }
          waitingForKey = false;
        }
        if (!buffer.isEmpty()
            && (buffer.size() >= options.bufferFrames()
                || bufferedBytes + frame.size() > options.bufferBytes())) {
          if (options.dropPolicy() == FrameDropPolicy.FAIL_SUBSCRIPTION) {
            endNow(new SubscriberOverflowException("subscriber fell behind the live stream: its buffer of "
                + options.bufferFrames() + " frames / " + options.bufferBytes() + " bytes overflowed;"
                + " request faster, use a larger buffer or the DROP_WHOLE_GOPS policy"));
            schedule();
            return;
          }
          long lost = buffer.size();
          dropped.addAndGet(lost);
          buffer.clear();
          bufferedBytes = 0;
          StreamGap behind = merge(new StreamGap(StreamGap.Reason.SUBSCRIBER_BEHIND, Optional.empty(), 0, 0,
              "the subscriber requested too slowly; dropped whole groups of pictures"), lost);
          if (!startsGop(frame)) {
            dropped.incrementAndGet();
            pendingGap = merge(behind, 1);
            waitingForKey = true;
            return;
          }
          pendingGap = behind;
        }
        if (pendingGap != null) {
          StreamGap g = pendingGap;
          frame = frame.withGap(new StreamGap(g.reason(), Optional.ofNullable(lastTimestamp), g.reconnects(),
              droppedSinceGap, g.detail()));
          pendingGap = null;
          droppedSinceGap = 0;
        }
        buffer.add(frame);
        bufferedBytes += frame.size();
        lastTimestamp = frame.timestamp();
      }
      schedule();
    }

    /** {@code gap} combined with the one pending, counting {@code more} dropped frames. */
    private StreamGap merge(StreamGap gap, long more) {
      droppedSinceGap += more;
      if (pendingGap == null || gap.reason() == StreamGap.Reason.RECONNECTED) {
        return gap;
      }
      return pendingGap;
    }

    synchronized void gap(StreamGap gap) {
      if (ended() || lastTimestamp == null) {
        return; // nothing delivered yet: the subscriber still starts at a key frame, without a notice
      }
      pendingGap = merge(gap, 0);
      waitingForKey = true;
    }

    @Override
    protected void polled(MediaFrame item) {
      bufferedBytes -= item.size();
    }

    @Override
    protected void cleared() {
      bufferedBytes = 0;
    }

    @Override
    protected void removed() {
      remove(this);
    }
  }
}
