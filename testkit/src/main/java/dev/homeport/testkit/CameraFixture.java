package dev.homeport.testkit;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.camera.Camera;
import java.time.Duration;

/**
 * What {@link CameraContract} tests: a {@link Camera} under test, and the {@link InMemoryCamera} that
 * holds the state behind it (the in-memory camera itself, or the state of the simulator the camera
 * talks to).
 *
 * <p>The contract injects faults and checks state on {@link #backend()} and expects
 * {@link #camera()} to surface them as the documented exceptions. A simulator backed by
 * {@code backend()} must therefore run every command it decodes on {@code backend()} (so that
 * {@link InMemoryCamera#executedCommands()}, {@link InMemoryCamera#failNext} and the other switches
 * apply) and translate the backend's answers and exceptions to the wire: a
 * {@code CameraCommandException} to its error code and message, an {@code UnsupportedCommandException}
 * to the brand's "unsupported" answer, an {@code AuthenticationException} to the brand's login
 * failure, latency to a slow answer and {@code setUnreachable(true)} to a connection closed without
 * an answer. Raw commands that the simulator does not model must be run on the backend as
 * {@code RawCommand}s, so that {@link InMemoryCamera#onRaw} handlers answer them.
 *
 * <p>One fixture serves one test; {@link #close()} releases the camera, the backend, servers and
 * threads.
 */
public interface CameraFixture extends AutoCloseable {

  /** The camera under test. */
  Camera camera();

  /** The in-memory camera holding the state the camera under test reads and changes. */
  InMemoryCamera backend();

  /**
   * How long {@link #camera()} waits for an answer before failing with
   * {@code RequestTimeoutException}. The contract makes the backend slower than this to check
   * time-outs, so keep it short (a few hundred milliseconds) to keep the suite fast.
   */
  Duration requestTimeout();

  /**
   * A refusal as this brand's camera would send it, which the contract arms on {@link #backend()}
   * and expects back, with the same {@link CameraCommandException#errorCode()} and
   * {@link CameraCommandException#retryable()}, from {@link #camera()}. Override it when the
   * brand's wire cannot carry the default's code (Kasa codes are integers, e.g. {@code -40409}).
   * Not retryable.
   */
  default CameraCommandException refusalExample() {
    return new CameraCommandException("homeport.contract.refused", "refused",
        "The parameter [value] values error", false);
  }

  /**
   * A raw command in this brand's spelling that no camera knows, which the contract expects to fail
   * with {@code UnsupportedCommandException}. The default ({@code homeport.contract.get_nothing_here})
   * fits brands that spell operations with dots, as Kasa does ({@code module.method}).
   */
  default RawCommand unknownRawCommand() {
    return new RawCommand("homeport.contract.get_nothing_here", FieldMap.of("x", 1));
  }
}
