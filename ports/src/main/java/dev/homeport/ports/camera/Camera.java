package dev.homeport.ports.camera;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.ports.media.CameraStream;
import dev.homeport.ports.media.CameraTalk;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One camera, ready to take commands.
 *
 * <p>Implementations are thread-safe: any number of threads may call {@link #execute} at once; a
 * brand that needs one request at a time queues them fairly. Futures complete on an adapter thread;
 * do not block inside their callbacks.
 *
 * <p>Failures complete the future exceptionally with a {@link dev.homeport.ports.HomeportException}
 * subtype: {@link dev.homeport.ports.TransportException} (unreachable, timed out, certificate
 * mismatch, undecodable answer), {@link dev.homeport.ports.AuthenticationException},
 * {@link dev.homeport.ports.UnsupportedCommandException} (see {@link #capabilities()}), or
 * {@link dev.homeport.ports.CameraCommandException} (the camera refused). After {@link #close()},
 * every call fails with {@link dev.homeport.ports.ClosedException}.
 *
 * <p>As with any {@link CompletableFuture}, {@code join()} throws that exception wrapped in a
 * {@link java.util.concurrent.CompletionException} and {@code get()} in an {@link
 * java.util.concurrent.ExecutionException}; {@link dev.homeport.ports.Futures#unwrap} returns the
 * {@code HomeportException} inside either.
 */
public interface Camera extends AutoCloseable {

  /** The name this camera was configured under (e.g. {@code porch}). */
  String name();

  /**
   * Sends one command.
   *
   * @param command a command, valid by construction
   * @return the command's result, or a failure as described above
   * @throws NullPointerException if {@code command} is null (synchronously, before any I/O)
   */
  <R> CompletableFuture<R> execute(CameraCommand<R> command);

  /**
   * Sends several commands together (one request where the brand allows it) and reports each
   * command's outcome separately: a batch can partly succeed. The future itself fails only when
   * nothing could be sent or understood at all (unreachable, authentication, closed).
   *
   * @param commands one or more commands, in the order their outcomes are reported
   * @throws IllegalArgumentException if {@code commands} is empty or contains null (before any I/O)
   */
  CompletableFuture<BatchResult> executeAll(List<? extends CameraCommand<?>> commands);

  /** What this camera's brand supports; commands outside it fail with {@code UnsupportedCommandException}. */
  CameraCapabilities capabilities();

  /**
   * Starts following this camera's detection events (motion, people, tampering). No I/O happens in
   * this call: the stream subscribes in the background and reports how it goes on
   * {@link CameraEvents#lifecycle()}. Close the stream when done; closing the camera closes it too.
   *
   * @throws dev.homeport.ports.UnsupportedCommandException if this camera's brand has no events
   *     (the default)
   * @throws dev.homeport.ports.ClosedException if the camera is closed
   */
  default CameraEvents openEvents() {
    throw new dev.homeport.ports.UnsupportedCommandException(
        "camera '" + name() + "' does not report detection events");
  }

  /**
   * The camera's live video and audio, when it streams ({@link CameraCapabilities#liveStream()});
   * empty otherwise. Closing the camera ends its streams with {@code ClosedException}.
   */
  default Optional<CameraStream> stream() {
    return Optional.empty();
  }

  /** Talk-back to the camera's speaker, when it has one ({@link CameraCapabilities#talk()}); empty otherwise. */
  default Optional<CameraTalk> talk() {
    return Optional.empty();
  }

  /** Releases connections and threads; pending commands fail with {@code ClosedException}. Idempotent. */
  @Override
  void close();
}
