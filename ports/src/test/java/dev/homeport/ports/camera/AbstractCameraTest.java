package dev.homeport.ports.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AbstractCameraTest {

  /** A brand without native batches whose answers the test decides per command. */
  private static class Scripted extends AbstractCamera {
    final List<CameraCommand<?>> sent = Collections.synchronizedList(new ArrayList<>());
    final List<CompletableFuture<?>> answers = new ArrayList<>();
    Function<CameraCommand<?>, CompletableFuture<?>> answer = c -> CompletableFuture.completedFuture(null);
    Predicate<CameraCommand<?>> inexpressible = c -> false;
    int closes;
    CameraCapabilities capabilities = CameraCapabilities.of(
        Set.of(Stop.class, GetPosition.class, GetSetting.class), Set.of(Setting.POWER));

    Scripted() {
      super("porch");
    }

    @Override
    public CameraCapabilities capabilities() {
      return capabilities;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
      sent.add(command);
      CompletableFuture<R> f = (CompletableFuture<R>) answer.apply(command);
      answers.add(f);
      return f;
    }

    @Override
    protected void checkExpressible(CameraCommand<?> command) {
      if (inexpressible.test(command)) {
        throw new IllegalArgumentException(command.getClass().getSimpleName() + " cannot be expressed");
      }
    }

    @Override
    protected void onClose(ClosedException reason) {
      closes++;
    }
  }

  private static HomeportException failureOf(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(HomeportException.class);
      return (HomeportException) e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void nullCommandOrBadBatch_isRefusedSynchronously_andNothingIsSent() {
    Scripted camera = new Scripted();
    assertThatThrownBy(() -> camera.execute(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> camera.executeAll(List.of())).hasMessage("commands must not be empty: give at least one command");
    assertThatThrownBy(() -> camera.executeAll(null)).isInstanceOf(IllegalArgumentException.class);
    List<CameraCommand<?>> withNull = new ArrayList<>();
    withNull.add(new Stop());
    withNull.add(null);
    assertThatThrownBy(() -> camera.executeAll(withNull)).hasMessage("commands[1] must not be null");
    assertThat(camera.sent).isEmpty();
  }

  @Test
  void commandOutsideCapabilities_failsUnsupported_withoutBeingSent() {
    Scripted camera = new Scripted();
    HomeportException failure = failureOf(camera.execute(new Move(Direction.LEFT, 1)));
    assertThat(failure).isInstanceOf(UnsupportedCommandException.class).hasMessage("camera 'porch' does not support Move");
    assertThat(failureOf(camera.execute(GetSetting.of(Setting.NIGHT_VISION))))
        .hasMessageContaining("reading setting");
    assertThat(camera.sent).isEmpty();
  }

  @Test
  void afterClose_callsFailClosed_pendingCallsFailClosed_andOnCloseRunsOnce() {
    Scripted camera = new Scripted();
    camera.answer = c -> new CompletableFuture<>();
    CompletableFuture<Void> pending = camera.execute(new Stop());
    camera.close();
    camera.close();
    assertThat(camera.closes).isEqualTo(1);
    assertThat(camera.isClosed()).isTrue();
    assertThat(failureOf(pending)).isInstanceOf(ClosedException.class).hasMessage("camera 'porch' is closed");
    assertThat(failureOf(camera.execute(new Stop()))).isInstanceOf(ClosedException.class);
    assertThat(failureOf(camera.executeAll(List.of(new Stop())))).isInstanceOf(ClosedException.class);
    assertThat(camera.sent).hasSize(1);
  }

  @Test
  void wrappedAndForeignFailures_areUnwrappedAndTranslated() {
    Scripted camera = new Scripted();
    CameraCommandException refused = new CameraCommandException("x.y", "E", "no", false);
    camera.answer = c -> CompletableFuture.failedFuture(new CompletionException(refused));
    assertThat(failureOf(camera.execute(new Stop()))).isSameAs(refused);
    camera.answer = c -> CompletableFuture.failedFuture(new IOException("reset"));
    assertThat(failureOf(camera.execute(new Stop())))
        .isInstanceOf(TransportException.class).hasMessage("camera 'porch' failed: IOException: reset");
  }

  @Test
  void callerCompletingItsFuture_doesNotDisturbTheBrandsFuture() {
    Scripted camera = new Scripted();
    camera.answer = c -> new CompletableFuture<>();
    camera.execute(new Stop()).complete(null);
    assertThat(camera.answers.get(0)).isNotDone();
  }

  @Test
  void batchFallBack_sendsInOrder_reportsEachOutcome_andUnsupportedWithoutSending() {
    Scripted camera = new Scripted();
    CameraCommandException refused = new CameraCommandException("pos", "E", "no", false);
    camera.answer = c -> c instanceof GetPosition
        ? CompletableFuture.failedFuture(refused) : CompletableFuture.completedFuture(null);
    List<CameraCommand<?>> batch = List.of(new Stop(), new Move(Direction.UP, 2), new GetPosition(), GetSetting.of(Setting.POWER));

    BatchResult result = camera.executeAll(batch).join();

    assertThat(camera.sent).containsExactly(new Stop(), new GetPosition(), GetSetting.of(Setting.POWER));
    assertThat(result.size()).isEqualTo(4);
    assertThat(result.get(0).succeeded()).isTrue();
    assertThat(result.get(1).failure()).get().isInstanceOf(UnsupportedCommandException.class);
    assertThat(result.get(2).failure()).contains(refused);
    assertThat(result.get(3).succeeded()).isTrue();
    for (int i = 0; i < batch.size(); i++) {
      assertThat(result.get(i).command()).isEqualTo(batch.get(i));
    }
  }

  @Test
  void batchFallBack_firstCommandUnreachable_failsTheWholeBatch_laterOnesOnlyTheirOutcome() {
    Scripted camera = new Scripted();
    TransportException down = new TransportException("down", null);
    camera.answer = c -> CompletableFuture.failedFuture(down);
    assertThat(failureOf(camera.executeAll(List.of(new Stop(), new GetPosition())))).isSameAs(down);

    Scripted later = new Scripted();
    AuthenticationException refused = new AuthenticationException("no");
    later.answer = c -> c instanceof Stop ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(refused);
    BatchResult result = later.executeAll(List.of(new Stop(), new GetPosition())).join();
    assertThat(result.get(0).succeeded()).isTrue();
    assertThat(result.get(1).failure()).contains(refused);
  }

  @Test
  void batchFallBack_firstCommandAnsweredUndecodably_isOnlyItsOutcome_andTheRestIsSent() {
    Scripted camera = new Scripted();
    ProtocolException garbled = new ProtocolException("bad answer");
    camera.answer = c -> c instanceof Stop ? CompletableFuture.failedFuture(garbled) : CompletableFuture.completedFuture(null);

    BatchResult result = camera.executeAll(List.of(new Stop(), new GetPosition())).join();

    assertThat(result.get(0).failure()).contains(garbled);
    assertThat(result.get(1).succeeded()).isTrue();
    assertThat(camera.sent).containsExactly(new Stop(), new GetPosition());
  }

  @Test
  void batchFallBack_firstCommandTimedOut_failsTheWholeBatch_andSendsNoMore() {
    Scripted camera = new Scripted();
    RequestTimeoutException late = new RequestTimeoutException("late", null);
    camera.answer = c -> CompletableFuture.failedFuture(late);
    assertThat(failureOf(camera.executeAll(List.of(new Stop(), new GetPosition())))).isSameAs(late);
    assertThat(camera.sent).containsExactly(new Stop());
  }

  @Test
  void inexpressibleCommand_isRefusedSynchronously_andNothingOfTheCallIsSent() {
    Scripted camera = new Scripted();
    camera.inexpressible = c -> c instanceof GetPosition;
    assertThatThrownBy(() -> camera.execute(new GetPosition())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GetPosition cannot be expressed");
    assertThatThrownBy(() -> camera.executeAll(List.of(new Stop(), new GetPosition())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("GetPosition cannot be expressed");
    assertThat(camera.sent).isEmpty();
  }

  @Test
  void inexpressibleButUnsupportedCommand_isReportedUnsupported_notChecked() {
    Scripted camera = new Scripted();
    camera.inexpressible = c -> c instanceof Move;
    BatchResult result = camera.executeAll(List.of(new Move(Direction.UP, 2), new Stop())).join();
    assertThat(result.get(0).failure()).get().isInstanceOf(UnsupportedCommandException.class);
    assertThat(result.get(1).succeeded()).isTrue();
  }

  @Test
  void capabilitiesNarrowingWhileABatchRuns_keepEveryOutcomeWithItsCommand() {
    Scripted camera = new Scripted();
    // the first exchange teaches the brand that the camera cannot report its position
    camera.answer = c -> {
      camera.capabilities = CameraCapabilities.of(Set.of(Stop.class, GetSetting.class), Set.of(Setting.POWER));
      return c instanceof GetPosition
          ? CompletableFuture.failedFuture(new UnsupportedCommandException("no position"))
          : CompletableFuture.completedFuture(c instanceof GetSetting ? Boolean.TRUE : null);
    };
    List<CameraCommand<?>> batch = List.of(new Move(Direction.UP, 2), new Stop(), new GetPosition(), GetSetting.of(Setting.POWER));

    BatchResult result = camera.executeAll(batch).join();

    for (int i = 0; i < batch.size(); i++) {
      assertThat(result.get(i).command()).isEqualTo(batch.get(i));
    }
    assertThat(result.get(0).failure()).get().isInstanceOf(UnsupportedCommandException.class);
    assertThat(result.get(1).succeeded()).isTrue();
    assertThat(result.get(2).failure().orElseThrow()).hasMessage("no position");
    assertThat(result.get(3).value().orElseThrow()).isEqualTo(true);
  }

  @Test
  void overriddenUnsupported_isTheFailureOfExecuteAndOfTheBatchOutcome() {
    Scripted camera = new Scripted() {
      @Override
      protected UnsupportedCommandException unsupported(CameraCommand<?> command) {
        return new UnsupportedCommandException("porch cannot " + describe(command) + "; it can Stop");
      }
    };
    assertThat(failureOf(camera.execute(new Move(Direction.LEFT, 1)))).hasMessage("porch cannot Move; it can Stop");
    assertThat(camera.executeAll(List.of(new Move(Direction.LEFT, 1))).join().get(0).failure().orElseThrow())
        .hasMessage("porch cannot Move; it can Stop");
  }

  @Test
  void batchOfOnlyUnsupportedCommands_sendsNothing() {
    Scripted camera = new Scripted();
    BatchResult result = camera.executeAll(List.of(new Move(Direction.UP, 2))).join();
    assertThat(result.get(0).failure()).get().isInstanceOf(UnsupportedCommandException.class);
    assertThat(camera.sent).isEmpty();
  }
}
