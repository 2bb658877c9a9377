package dev.homeport.adapter.camera.http.internal;

import dev.homeport.domain.media.MediaCodec;
import dev.homeport.domain.media.MediaFrame;
import dev.homeport.domain.media.StreamGap;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.support.PinMismatchException;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.ViewerLimitException;
import dev.homeport.ports.media.FrameFanout;
import dev.homeport.ports.media.H264Frames;
import dev.homeport.ports.media.StreamOptions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live stream of one Kasa camera: the connection behind a {@link FrameFanout}. A reader thread
 * sends {@code GET /https/stream/mixed?video=h264&audio=g711&resolution=...} with the stream port's
 * credential form, parses the {@code multipart/x-mixed-replace} body incrementally
 * ({@link MixedReplaceParser}) and turns parts into frames ({@link H264Frames}); when the connection
 * drops, stalls (no byte for the stall time-out) or ends, it publishes a gap, waits a back-off
 * (doubling from the first to the longest) and connects again, resuming at the next key frame.
 *
 * <p>What ends watching (the fanout fails its subscribers): on the first connection, a 503 (another
 * viewer: {@link ViewerLimitException}), rejected credentials, a certificate mismatch, an
 * unreachable camera, or an answer that is not a stream. Once a connection has worked, everything
 * but credentials and certificates is retried (a camera that just lost a viewer may answer 503 for a
 * while). Thread-safe.
 */
public final class KasaLiveStream implements FrameFanout.Source {

  private static final Logger LOG = LoggerFactory.getLogger(KasaLiveStream.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "homeport-kasa-stream-watchdog");
    t.setDaemon(true);
    return t;
  });

  /** The boundary real cameras use, when the answer's content type names none. */
  static final String DEFAULT_BOUNDARY = "data-boundary--";
  /** The largest part headers accepted. */
  static final int MAX_HEADER_BYTES = 4096;
  /** The largest part body accepted (an HD key frame is well below this). */
  static final int MAX_BODY_BYTES = 4 << 20;

  /** Time-outs and back-off of a stream; see the driver's options. */
  public record Timing(Duration connectTimeout, Duration stallTimeout, Duration firstBackoff, Duration maxBackoff) {}

  private final String cameraName;
  private final String hostKey;
  private final URI uri;
  private final List<String> authorizations;
  private final HttpClient client;
  private final StreamOptions options;
  private final Timing timing;
  private final Object lock = new Object();
  private Thread reader;
  private volatile boolean running;
  private volatile InputStream body;
  private volatile long lastByteNanos;
  private volatile boolean stalled;
  private volatile int reconnects;

  /**
   * @param authorizations the {@code Authorization} values to try, in order (the stream port's
   *     credential forms); built by the caller and never logged
   */
  public KasaLiveStream(String cameraName, String host, int port, List<String> authorizations,
      HttpClient client, StreamOptions options, Timing timing) {
    this.cameraName = cameraName;
    this.hostKey = LinkieTransport.hostKey(host, port);
    this.uri = URI.create("https://" + hostKey + "/https/stream/mixed?video=h264&audio=g711&resolution="
        + options.resolution().text());
    this.authorizations = List.copyOf(authorizations);
    this.client = client;
    this.options = options;
    this.timing = timing;
  }

  /** Reconnects so far. */
  public int reconnects() {
    return reconnects;
  }

  @Override
  public void start(FrameFanout fanout) {
    synchronized (lock) {
      running = true;
      Thread t = new Thread(() -> run(fanout), "homeport-kasa-stream-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      reader = t;
      t.start();
    }
  }

  @Override
  public void stop() {
    synchronized (lock) {
      running = false;
      Thread t = reader;
      reader = null;
      closeBody();
      if (t != null) {
        t.interrupt();
      }
    }
  }

  private boolean current() {
    synchronized (lock) {
      return running && reader == Thread.currentThread();
    }
  }

  private void closeBody() {
    InputStream b = body;
    if (b != null) {
      try {
        b.close();
      } catch (IOException | RuntimeException e) {
        // closing anyway
      }
    }
  }

  private String describe() {
    return "'" + cameraName + "' at " + hostKey;
  }

  private void run(FrameFanout fanout) {
    H264Frames h264 = new H264Frames();
    Duration backoff = timing.firstBackoff();
    boolean everConnected = false;
    int authIndex = 0;
    String why = "";
    while (current()) {
      HttpResponse<InputStream> response;
      try {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(timing.connectTimeout().plus(timing.stallTimeout()))
            .header("Authorization", authorizations.get(authIndex))
            .GET()
            .build();
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        HomeportException failure = translate(e);
        if (!everConnected || !failure.retryable()) {
          end(fanout, failure);
          return;
        }
        why = failure.getMessage();
        if (!sleep(backoff)) {
          return;
        }
        backoff = next(backoff);
        continue;
      } catch (InterruptedException e) {
        return;
      }
      int status = response.statusCode();
      if (status != 200) {
        close(response.body());
        if (status == 401 || status == 403) {
          if (authIndex + 1 < authorizations.size()) {
            authIndex++;
            continue;
          }
          end(fanout, new AuthenticationException("camera " + describe() + " rejected the credentials for"
              + " its live stream (HTTP " + status + "); check the Kasa account e-mail and password"));
          return;
        }
        if (status == 503 && !everConnected) {
          end(fanout, new ViewerLimitException("camera " + describe() + " allows one viewer at a time and"
              + " someone is already watching (HTTP 503): close the Kasa app's live view or the other"
              + " recorder, then try again", 1));
          return;
        }
        if (!everConnected && status != 503 && status < 500) {
          end(fanout, new ProtocolException("camera " + describe() + " answered HTTP " + status
              + " to the live stream request: not a Kasa camera stream port?"));
          return;
        }
        why = "HTTP " + status;
        if (!sleep(backoff)) {
          return;
        }
        backoff = next(backoff);
        continue;
      }
      String boundary = MixedReplaceParser.boundaryOf(
          response.headers().firstValue("Content-Type").orElse(null), DEFAULT_BOUNDARY);
      if (everConnected) {
        LOG.info("camera {}: live stream reconnected ({} so far)", cameraName, reconnects);
      }
      everConnected = true;
      Reader r = new Reader(fanout, h264);
      String end = r.read(response.body(), boundary);
      if (r.frames > 0) {
        backoff = timing.firstBackoff();
      }
      if (!current()) {
        return;
      }
      reconnects++;
      why = end;
      LOG.info("camera {}: live stream {}; reconnecting in {} ms", cameraName, end, backoff.toMillis());
      h264.resync();
      fanout.gap(new StreamGap(StreamGap.Reason.RECONNECTED, Optional.empty(), reconnects, 0,
          "the live stream " + end + "; frames the camera sent until it reconnected are missing"));
      if (!sleep(backoff)) {
        return;
      }
      backoff = next(backoff);
    }
    LOG.debug("camera {}: live stream stopped ({})", cameraName, why);
  }

  private void end(FrameFanout fanout, HomeportException failure) {
    if (current()) {
      fanout.fail(failure);
    }
  }

  private Duration next(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff() : doubled;
  }

  /** Waits {@code d}; false when the stream was stopped meanwhile. */
  private boolean sleep(Duration d) {
    long end = System.nanoTime() + d.toNanos();
    while (current()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        Thread.sleep(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        // stop() interrupts: current() says whether that was it
      }
    }
    return false;
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private HomeportException translate(IOException e) {
    PinMismatchException p = PinMismatchException.find(e);
    if (p != null) {
      return new CertificateMismatchException(p.host(), p.expected(), p.actual());
    }
    if (e instanceof java.net.ConnectException) {
      return new TransportException("cannot connect to the live stream of camera " + describe()
          + " (refused or unreachable)", e, true);
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return new TransportException("TLS with the live stream of camera " + describe() + " failed: "
          + e.getMessage(), e, false);
    }
    return new TransportException("live stream of camera " + describe() + " failed: " + e, e, true);
  }

  /** Reads one connection's body; the listener of its parser. */
  private final class Reader implements MixedReplaceParser.Listener {
    private final FrameFanout fanout;
    private final H264Frames h264;
    private Duration last = Duration.ZERO;
    long frames;
    long unknownParts;
    long damagedParts;

    Reader(FrameFanout fanout, H264Frames h264) {
      this.fanout = fanout;
      this.h264 = h264;
    }

    /** Reads until the body ends, fails or stalls; returns how it ended, for logs and the gap. */
    String read(InputStream in, String boundary) {
      body = in;
      stalled = false;
      lastByteNanos = System.nanoTime();
      long stallNanos = timing.stallTimeout().toNanos();
      long period = Math.max(50, timing.stallTimeout().toMillis() / 4);
      Thread self = Thread.currentThread();
      Object guard = new Object();
      boolean[] reading = {true};
      ScheduledFuture<?> watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
        synchronized (guard) {
          // only while this read lasts: a late interrupt must not reach the back-off or the next read
          if (reading[0] && !stalled && System.nanoTime() - lastByteNanos > stallNanos) {
            stalled = true;
            closeBody();
            self.interrupt();
          }
        }
      }, period, period, TimeUnit.MILLISECONDS);
      MixedReplaceParser parser = new MixedReplaceParser(boundary, MAX_HEADER_BYTES, MAX_BODY_BYTES, this);
      byte[] buf = new byte[16 * 1024];
      try (in) {
        while (current()) {
          int n = in.read(buf);
          if (n < 0) {
            return "ended";
          }
          lastByteNanos = System.nanoTime();
          parser.feed(buf, 0, n);
        }
        return "stopped";
      } catch (IOException e) {
        return stalled ? "stalled (no data for " + timing.stallTimeout().toMillis() + " ms)" : "dropped (" + e.getClass().getSimpleName() + ")";
      } finally {
        synchronized (guard) {
          reading[0] = false;
        }
        watchdog.cancel(false);
        body = null;
        Thread.interrupted(); // the watchdog's interrupt ends here, not in the back-off sleep
      }
    }

    private Duration timestamp(String text) {
      Duration t = last;
      if (text != null) {
        try {
          BigDecimal seconds = new BigDecimal(text.strip());
          if (seconds.signum() >= 0) {
            t = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
          }
        } catch (ArithmeticException | NumberFormatException e) {
          // not a number: keep the last timestamp
        }
      }
      // timestamps handed on never go back, even if the camera's clock does
      if (t.compareTo(last) < 0) {
        t = last;
      }
      last = t;
      return t;
    }

    @Override
    public void part(String contentType, String timestampText, byte[] part) {
      switch (contentType) {
        case "video/x-h264":
          h264.accept(timestamp(timestampText), part).ifPresent(this::offer);
          break;
        case "audio/g711u":
          Duration ts = timestamp(timestampText);
          if (options.audio() && part.length > 0) {
            offer(MediaFrame.of(MediaCodec.G711U, ts, true, part));
          }
          break;
        default:
          unknownParts++;
          if (unknownParts == 1) {
            LOG.debug("camera {}: skipping a live stream part of type {}", cameraName,
                contentType.replaceAll("[^\\x20-\\x7e]", "?"));
          }
      }
    }

    private void offer(MediaFrame frame) {
      frames++;
      fanout.offer(frame);
    }

    @Override
    public void skipped(MixedReplaceParser.Skip why, String contentType) {
      damagedParts++;
      LOG.debug("camera {}: dropped a damaged live stream part ({}, {})", cameraName, why,
          contentType.replaceAll("[^\\x20-\\x7e]", "?"));
      if (contentType.startsWith("video/") || contentType.isEmpty()) {
        h264.resync();
        fanout.gap(new StreamGap(StreamGap.Reason.DAMAGED_PART, Optional.empty(), reconnects, 0,
            "the camera sent a damaged video part (" + why.name().toLowerCase(java.util.Locale.ROOT)
                + "); pictures until the next key frame were dropped"));
      }
    }
  }
}
