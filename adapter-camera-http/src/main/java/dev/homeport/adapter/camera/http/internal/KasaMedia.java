package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.domain.Secret;
import dev.homeport.domain.media.MediaFrame;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.media.CameraStream;
import dev.homeport.ports.media.FrameFanout;
import dev.homeport.ports.media.StreamOptions;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * A Kasa camera's live stream and talk-back, on the camera's own TLS client (so the same pinned or
 * recorded certificate is required on every port). Credential forms per port, from the notes (§2):
 * the stream port takes {@code e-mail:base64(password)}, and an unbound camera
 * {@code admin:base64("admin")}, tried in that order; the talk port takes {@code e-mail:md5hex(password)}.
 * Thread-safe.
 */
public final class KasaMedia implements CameraStream {

  private final String cameraName;
  private final String host;
  private final int streamPort;
  private final HttpClient client;
  private final Executor executor;
  private final KasaLiveStream.Timing timing;
  private final List<String> streamAuthorizations;
  private final KasaTalk talk;
  private final Set<FrameFanout> fanouts = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public KasaMedia(String cameraName, String host, int streamPort, int talkPort, Credentials credentials,
      HttpClient client, Executor executor, KasaLiveStream.Timing timing, Supplier<KasaTalk.Pacer> pacers) {
    this.cameraName = Objects.requireNonNull(cameraName, "cameraName");
    this.host = Objects.requireNonNull(host, "host");
    this.streamPort = streamPort;
    this.client = Objects.requireNonNull(client, "client");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.streamAuthorizations = List.of(credentials.authorization(AuthVariant.BASE64),
        new Credentials("admin", Secret.of("admin")).authorization(AuthVariant.BASE64));
    this.talk = new KasaTalk(cameraName, host, talkPort, credentials.authorization(AuthVariant.MD5), client,
        executor, pacers);
  }

  @Override
  public Flow.Publisher<MediaFrame> frames(StreamOptions options) {
    Objects.requireNonNull(options, "options");
    if (closed) {
      FrameFanout ended = new FrameFanout(executor, options, true, new KasaLiveStream(cameraName, host,
          streamPort, streamAuthorizations, client, options, timing));
      ended.close(closed());
      return ended;
    }
    KasaLiveStream source = new KasaLiveStream(cameraName, host, streamPort, streamAuthorizations, client,
        options, timing);
    FrameFanout fanout = new FrameFanout(executor, options, true, source);
    fanouts.add(fanout);
    return fanout;
  }

  /** The talk-back port. */
  public KasaTalk talk() {
    return talk;
  }

  private ClosedException closed() {
    return new ClosedException("camera '" + cameraName + "' is closed");
  }

  /** Ends every stream with {@code ClosedException} and refuses later talks. */
  public void close() {
    closed = true;
    talk.close();
    for (FrameFanout f : fanouts) {
      f.close(closed());
    }
    fanouts.clear();
  }
}
