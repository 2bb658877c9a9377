package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CommandOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link Camera} adapter passes: settings, actions, queries, raw commands,
 * batches, input validation, capabilities, failures, close and concurrency.
 *
 * <p>Extend it, implement {@link #createFixture()} (a fresh camera and its {@link InMemoryCamera}
 * backend for every test), and optionally {@link #knownRawQuery()}. The contract changes and checks
 * state, and injects faults, on the backend; see {@link CameraFixture} for what a simulator-backed
 * fixture must do. Every wait is bounded; nothing sleeps.
 *
 * <p>Each concern is its own interface of {@code default} tests ({@link SettingsContract}, {@link
 * ActionsContract}, {@link QueriesContract}, {@link RawCommandsContract}, {@link BatchesContract},
 * {@link BadInputContract}, {@link UnsupportedCommandsContract}, {@link FailuresContract}, {@link
 * CloseContract}, {@link ConcurrencyContract}) on {@link CameraContractSupport}, composed here as
 * {@code @Nested} groups in the manner of Micrometer's compatibility kit: the group's display name
 * is the concern, each test's is a sentence.
 */
public abstract class CameraContract {

  /** The bound of every wait for an answer that should come promptly. */
  protected static final Duration WAIT = CameraContractSupport.WAIT;

  private CameraFixture fixture;
  /** The camera under test (from the fixture). */
  protected Camera camera;
  /** The in-memory state behind it (from the fixture). */
  protected InMemoryCamera backend;

  /** A new camera and backend for one test. Called before every test; closed after it. */
  protected abstract CameraFixture createFixture();

  /**
   * A raw command the adapter can send that the brand does not model as a typed command (for Kasa,
   * e.g. {@code smartlife.cam.ipcamera.audio.get_mic_config}). The contract teaches the backend to
   * answer it ({@link InMemoryCamera#onRaw}) and checks the answer and the parameters make the round
   * trip. Empty (the default) skips that test visibly.
   */
  protected Optional<RawCommand> knownRawQuery() {
    return Optional.empty();
  }

  @BeforeEach
  void openFixture() {
    fixture = createFixture();
    assertThat(fixture).as("createFixture()").isNotNull();
    camera = fixture.camera();
    backend = fixture.backend();
    assertThat(camera).as("fixture.camera()").isNotNull();
    assertThat(backend).as("fixture.backend()").isNotNull();
    assertThat(fixture.requestTimeout()).as("fixture.requestTimeout()").isPositive();
  }

  @AfterEach
  void closeFixture() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  // ------------------------------------------------------------------------------------- helpers

  /** Executes {@code command} and returns its result, failing the test on failure or after {@link #WAIT}. */
  protected <R> R ok(CameraCommand<R> command) {
    return support().ok(command);
  }

  /** Executes {@code command} on the backend directly: what the camera under test should report. */
  protected <R> R truth(CameraCommand<R> command) {
    return support().truth(command);
  }

  /** Waits (bounded) for {@code future} to fail and returns its cause, which must be a {@link HomeportException}. */
  protected static HomeportException failureOf(CompletableFuture<?> future, Duration bound) {
    assertThat(future).as("future").isNotNull();
    try {
      Object value = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failure, but the command succeeded with " + value);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).as("failure cause").isInstanceOf(HomeportException.class);
      return (HomeportException) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("expected a failure within " + bound + ", but the future is still pending", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** {@link #failureOf(CompletableFuture, Duration)} with {@link #WAIT}. */
  protected static HomeportException failureOf(CompletableFuture<?> future) {
    return failureOf(future, WAIT);
  }

  /** Aborts the test visibly unless the camera claims every one of {@code commands}. */
  protected void assumeSupported(CameraCommand<?>... commands) {
    support().assumeSupported(commands);
  }

  /** The value of a batch outcome, or null (for Void results and failures). */
  protected static Object valueOf(CommandOutcome<?> outcome) {
    return outcome.value().orElse(null);
  }

  private CameraContractSupport support() {
    return new Concern() {};
  }

  // -------------------------------------------------------------------------------------- groups

  /** A group of the contract, seeing this test's camera, backend and fixture. */
  abstract class Concern implements CameraContractSupport {
    @Override
    public Camera camera() {
      return camera;
    }

    @Override
    public InMemoryCamera backend() {
      return backend;
    }

    @Override
    public CameraFixture fixture() {
      return fixture;
    }

    @Override
    public Optional<RawCommand> knownRawQuery() {
      return CameraContract.this.knownRawQuery();
    }
  }

  @Nested
  @DisplayName("settings")
  class Settings extends Concern implements SettingsContract {}

  @Nested
  @DisplayName("actions")
  class Actions extends Concern implements ActionsContract {}

  @Nested
  @DisplayName("queries")
  class Queries extends Concern implements QueriesContract {}

  @Nested
  @DisplayName("raw commands")
  class RawCommands extends Concern implements RawCommandsContract {}

  @Nested
  @DisplayName("batches")
  class Batches extends Concern implements BatchesContract {}

  @Nested
  @DisplayName("bad input")
  class BadInput extends Concern implements BadInputContract {

    private int executedBefore;

    @BeforeEach
    void countExecuted() {
      executedBefore = executedCount();
    }

    @AfterEach
    void nothingReachedTheCamera() {
      assertThat(executedCount()).as("commands that reached the backend").isEqualTo(executedBefore);
    }
  }

  @Nested
  @DisplayName("unsupported commands")
  class Unsupported extends Concern implements UnsupportedCommandsContract {}

  @Nested
  @DisplayName("failures")
  class Failures extends Concern implements FailuresContract {}

  @Nested
  @DisplayName("close")
  class Close extends Concern implements CloseContract {}

  @Nested
  @DisplayName("concurrency")
  class Concurrency extends Concern implements ConcurrencyContract {}
}
