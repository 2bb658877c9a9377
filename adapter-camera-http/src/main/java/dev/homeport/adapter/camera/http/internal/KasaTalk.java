package dev.homeport.adapter.camera.http.internal;

import dev.homeport.ports.AuthenticationException;
import dev.homeport.support.PinMismatchException;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.media.CameraTalk;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Supplier;

/**
 * Talk-back to a Kasa camera (notes §7): {@code POST /https/speaker/audio/g711block?playerId=tty.<32>}
 * on the talk port with the talk port's credential form, {@code X-APP-ID} set to the player id, and
 * a chunked {@code multipart/x-mixed-replace;boundary=audio-boundary--} body of {@link TalkParts}
 * sent when each is due. Talks run one at a time. Thread-safe.
 */
public final class KasaTalk implements CameraTalk {

  /** Waits until a moment, in nanoseconds from the start of a talk; tests replace the real clock. */
  public interface Pacer {
    /** Blocks until {@code dueNanos} after the talk started. */
    void awaitDue(long dueNanos) throws InterruptedException;

    /** A pacer on the system clock, started now. */
    static Pacer realTime() {
      long start = System.nanoTime();
      return due -> {
        long wait = start + due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      };
    }
  }

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String cameraName;
  private final String hostKey;
  private final URI base;
  private final String authorization;
  private final HttpClient client;
  private final Executor executor;
  private final Supplier<Pacer> pacers;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private volatile boolean closed;

  /**
   * @param authorization the {@code Authorization} value of the talk port's credential form; never logged
   * @param pacers a new pacer per talk ({@link Pacer#realTime()} outside tests)
   */
  public KasaTalk(String cameraName, String host, int port, String authorization, HttpClient client,
      Executor executor, Supplier<Pacer> pacers) {
    this.cameraName = cameraName;
    this.hostKey = LinkieTransport.hostKey(host, port);
    this.base = URI.create("https://" + hostKey + "/https/speaker/audio/g711block");
    this.authorization = authorization;
    this.client = client;
    this.executor = executor;
    this.pacers = pacers;
  }

  static String playerId() {
    StringBuilder b = new StringBuilder("tty.");
    for (int i = 0; i < 32; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  @Override
  public CompletableFuture<TalkResult> talk(InputStream ulaw) {
    Objects.requireNonNull(ulaw, "ulaw");
    if (closed) {
      return CompletableFuture.failedFuture(new ClosedException("camera '" + cameraName + "' is closed"));
    }
    synchronized (this) {
      CompletableFuture<TalkResult> result = tail.handle((r, e) -> null).thenComposeAsync(x -> send(ulaw), executor);
      tail = result;
      return result;
    }
  }

  private CompletableFuture<TalkResult> send(InputStream ulaw) {
    String playerId = playerId();
    TalkParts parts = new TalkParts(ulaw);
    SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>(executor, 8);
    CompletableFuture<Void> subscribed = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "?playerId=" + playerId))
        .header("Authorization", authorization)
        .header("X-APP-ID", playerId)
        .header("Content-Type", "multipart/x-mixed-replace;boundary=" + TalkParts.BOUNDARY)
        .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
          body.subscribe(subscriber);
          subscribed.complete(null);
        }))
        .build();
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    // a SubmissionPublisher drops what is submitted before its subscriber arrives: feed after it has
    CompletableFuture<Void> feeding = subscribed.thenRunAsync(() -> feed(parts, body, ulaw, answered), executor);
    exchange.whenComplete((r, e) -> {
      answered.set(true); // the camera answered (a refusal, normally) before the end: stop sending
      if (e != null) {
        subscribed.completeExceptionally(e); // never connected: do not wait for a subscriber
      }
    });
    return feeding.thenCombine(exchange, (fed, response) -> response).handle((response, failure) -> {
      if (failure != null) {
        body.closeExceptionally(failure);
        throw translate(failure);
      }
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        throw new AuthenticationException("camera '" + cameraName + "' at " + hostKey
            + " rejected the credentials for talk (HTTP " + status + ")");
      }
      if (status != 200) {
        throw new ProtocolException("camera '" + cameraName + "' at " + hostKey + " answered HTTP "
            + status + " to talk");
      }
      return new TalkResult(parts.audioBytes(), parts.audioParts(), parts.heartbeats());
    });
  }

  private void feed(TalkParts parts, SubmissionPublisher<ByteBuffer> body, InputStream ulaw,
      java.util.concurrent.atomic.AtomicBoolean answered) {
    Pacer pacer = pacers.get();
    try (ulaw) {
      for (TalkParts.Part p; !answered.get() && (p = parts.next()) != null; ) {
        if (closed) {
          throw new ClosedException("camera '" + cameraName + "' was closed during a talk");
        }
        pacer.awaitDue(p.dueNanos());
        body.submit(ByteBuffer.wrap(p.wire()));
      }
      body.close();
    } catch (IOException e) {
      body.closeExceptionally(e);
      throw new CompletionException(new ProtocolException("cannot read the audio for camera '"
          + cameraName + "': " + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      body.closeExceptionally(e);
      throw new CompletionException(new ClosedException("talk to camera '" + cameraName + "' was interrupted"));
    } catch (RuntimeException e) {
      body.closeExceptionally(e);
      throw e;
    }
  }

  private HomeportException translate(Throwable failure) {
    Throwable t = dev.homeport.ports.Futures.unwrap(failure);
    if (t instanceof HomeportException h) {
      return h;
    }
    PinMismatchException p = PinMismatchException.find(t);
    if (p != null) {
      return new CertificateMismatchException(p.host(), p.expected(), p.actual());
    }
    return new TransportException("talk to camera '" + cameraName + "' at " + hostKey + " failed: " + t, t, true);
  }

  /** Fails talks from now on; a running one stops at its next part. */
  public void close() {
    closed = true;
  }
}
