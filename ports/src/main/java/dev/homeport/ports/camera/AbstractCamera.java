package dev.homeport.ports.camera;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.Futures;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The camera base: what every {@link Camera} must do the same way, so a brand writes only how it
 * sends a command. It checks arguments (null command, empty batch, null in a batch) synchronously;
 * fails calls after {@link #close()} with {@link ClosedException} and completes the calls still
 * pending at close with it; refuses commands outside {@link #capabilities()} with
 * {@link UnsupportedCommandException} without sending them; runs a batch command by command for
 * brands without a native batch; and completes every future with a {@link HomeportException}
 * (never a {@code CompletionException} wrapper, never a foreign exception: see
 * {@link #translate(Throwable)}).
 *
 * <p>A brand implements {@link #send(CameraCommand)}, {@link #capabilities()}, and optionally
 * {@link #sendAll(List)} (a native batch), {@link #checkExpressible(CameraCommand)} (its own limits
 * on values, checked before any command of a call is sent), {@link #onClose(ClosedException)}
 * (release connections), {@link #translate(Throwable)} and {@link #unsupported(CameraCommand)}.
 * The futures it returns may complete on any thread; the caller always gets a fresh future, so a
 * caller completing or cancelling it cannot disturb the brand.
 *
 * <p>Thread-safe: subclasses must make {@code send} and {@code sendAll} safe to call from many
 * threads at once.
 */
public abstract class AbstractCamera implements Camera {

  private final String name;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A camera named {@code name}.
   *
   * @throws NullPointerException if {@code name} is null
   */
  protected AbstractCamera(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public final String name() {
    return name;
  }

  /** Whether {@link #close()} was called. */
  public final boolean isClosed() {
    return closed.get();
  }

  /**
   * Sends one supported command (the base has checked it is not null, the camera is open, the
   * command is within {@link #capabilities()} and passes {@link #checkExpressible}).
   *
   * @return the command's result or failure; a failure that is not a {@link HomeportException}
   *     goes through {@link #translate(Throwable)}
   * @throws IllegalArgumentException if the brand cannot express this command (before any I/O);
   *     it reaches the caller of {@link #execute} as is
   */
  protected abstract <R> CompletableFuture<R> send(CameraCommand<R> command);

  /**
   * Refuses, before any I/O, a command this brand cannot express although its type is within
   * {@link #capabilities()} (e.g. a value outside the range its protocol can carry). The base calls
   * it for the command of {@link #execute} and for every supported command of {@link #executeAll}
   * before anything of that call is sent, so a batch is refused whole rather than half sent. The
   * default accepts every command.
   *
   * @throws IllegalArgumentException naming the field and what is allowed; it reaches the caller
   *     of {@code execute} or {@code executeAll} as is
   */
  protected void checkExpressible(CameraCommand<?> command) {}

  /**
   * Sends a batch of supported commands (at least one). The default runs them one after the other
   * with {@link #send}: when the first command finds the camera unreachable or refuses us (a
   * {@link TransportException}, including time-outs, but not a {@link ProtocolException}; or an
   * {@link AuthenticationException}), the batch fails and nothing more is sent, as a brand with
   * native batches fails a request nothing answered; every other failure, and every failure of a
   * later command, is that command's outcome (a {@code ProtocolException} says the camera did
   * answer, just not in a way that command's result can be read from). Override it when the brand
   * sends several commands in one request.
   *
   * @return one outcome per command, in order
   * @throws IllegalArgumentException if the brand cannot express a command (before any I/O)
   */
  protected CompletableFuture<BatchResult> sendAll(List<CameraCommand<?>> commands) {
    CompletableFuture<List<CommandOutcome<?>>> chain =
        CompletableFuture.completedFuture(new ArrayList<>(commands.size()));
    for (int i = 0; i < commands.size(); i++) {
      CameraCommand<?> command = commands.get(i);
      boolean first = i == 0;
      chain = chain.thenCompose(done -> sendOne(command).handle((outcome, failure) -> {
        if (failure != null) {
          HomeportException e = homeport(failure);
          if (first && failsWholeBatch(e)) {
            throw new java.util.concurrent.CompletionException(e);
          }
          done.add(CommandOutcome.failure(command, e));
        } else {
          done.add(outcome);
        }
        return done;
      }));
    }
    return chain.thenApply(BatchResult::new);
  }

  /** Whether the first command's failure says the camera is unreachable or refuses us. */
  private static boolean failsWholeBatch(HomeportException e) {
    return (e instanceof TransportException && !(e instanceof ProtocolException))
        || e instanceof AuthenticationException;
  }

  private <R> CompletableFuture<CommandOutcome<?>> sendOne(CameraCommand<R> command) {
    if (isClosed()) {
      return CompletableFuture.failedFuture(closedException());
    }
    return send(command).thenApply(value -> CommandOutcome.success(command, value));
  }

  /**
   * Releases the brand's connections and threads; called once, by the first {@link #close()},
   * after the camera is marked closed and before the pending calls fail with {@code reason}.
   */
  protected void onClose(ClosedException reason) {}

  /**
   * The exception calls fail with once closed. Override to name more (e.g. the host), never secrets.
   */
  protected ClosedException closedException() {
    return new ClosedException("camera '" + name + "' is closed");
  }

  /**
   * The {@link HomeportException} for a failure that is not one (unwrapped already). The default
   * reports a non-retryable {@link TransportException} naming the failure's type; brands map their
   * I/O and library exceptions here.
   */
  protected HomeportException translate(Throwable failure) {
    return new TransportException("camera '" + name + "' failed: " + failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), failure, false);
  }

  private HomeportException homeport(Throwable failure) {
    Throwable cause = Futures.unwrap(failure);
    return cause instanceof HomeportException e ? e : translate(cause);
  }

  /**
   * The failure for a command outside {@link #capabilities()}, for {@link #execute} and for that
   * command's outcome in {@link #executeAll}. Brands whose capabilities are only known after the
   * first exchange use it too, for a command found unsupported then. Override to say more (e.g.
   * what the camera does support), never secrets.
   */
  protected UnsupportedCommandException unsupported(CameraCommand<?> command) {
    return new UnsupportedCommandException("camera '" + name + "' does not support " + describe(command));
  }

  /** A command for messages: its type, or which setting it reads or changes. */
  protected static String describe(CameraCommand<?> command) {
    if (command instanceof dev.homeport.domain.camera.GetSetting<?> get) {
      return "reading setting " + get.setting().id();
    }
    if (command instanceof dev.homeport.domain.camera.SetSetting<?> set) {
      return "changing setting " + set.setting().id();
    }
    return command.getClass().getSimpleName();
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code command} is null (synchronously, before any I/O)
   * @throws IllegalArgumentException if the brand cannot express the command (before any I/O)
   */
  @Override
  public final <R> CompletableFuture<R> execute(CameraCommand<R> command) {
    Objects.requireNonNull(command, "command");
    if (isClosed()) {
      return CompletableFuture.failedFuture(closedException());
    }
    if (!capabilities().supports(command)) {
      return CompletableFuture.failedFuture(unsupported(command));
    }
    checkExpressible(command);
    CompletableFuture<R> sent;
    try {
      sent = send(command);
    } catch (HomeportException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return track(sent);
  }

  /**
   * {@inheritDoc} Commands outside {@link #capabilities()} are reported unsupported in their own
   * outcome and not sent; the others, once each passed {@link #checkExpressible}, go to
   * {@link #sendAll(List)} in order.
   *
   * @throws IllegalArgumentException also when the brand cannot express a command (before any I/O)
   */
  @Override
  public final CompletableFuture<BatchResult> executeAll(List<? extends CameraCommand<?>> commands) {
    if (commands == null || commands.isEmpty()) {
      throw new IllegalArgumentException("commands must not be empty: give at least one command");
    }
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i) == null) {
        throw new IllegalArgumentException("commands[" + i + "] must not be null");
      }
    }
    List<CameraCommand<?>> batch = List.copyOf(commands);
    if (isClosed()) {
      return CompletableFuture.failedFuture(closedException());
    }
    // Decided once: capabilities may narrow while the batch runs (a brand learning what the camera has).
    CameraCapabilities capabilities = capabilities();
    List<CameraCommand<?>> supported = new ArrayList<>(batch.size());
    for (CameraCommand<?> command : batch) {
      if (capabilities.supports(command)) {
        checkExpressible(command);
        supported.add(command);
      }
    }
    CompletableFuture<BatchResult> sent;
    if (supported.isEmpty()) {
      sent = CompletableFuture.completedFuture(new BatchResult(List.of()));
    } else {
      try {
        sent = sendAll(supported);
      } catch (HomeportException e) {
        sent = CompletableFuture.failedFuture(e);
      }
    }
    if (supported.size() < batch.size()) {
      sent = sent.thenApply(result -> merge(batch, capabilities, result));
    }
    return track(sent);
  }

  /** The brand's outcomes for the supported commands, with "unsupported" for the others, in order. */
  private BatchResult merge(List<CameraCommand<?>> batch, CameraCapabilities sentBy, BatchResult ofSupported) {
    List<CommandOutcome<?>> all = new ArrayList<>(batch.size());
    int next = 0;
    for (CameraCommand<?> command : batch) {
      if (sentBy.supports(command)) {
        all.add(ofSupported.get(next++));
      } else {
        all.add(CommandOutcome.failure(command, unsupported(command)));
      }
    }
    return new BatchResult(all);
  }

  /** A fresh future for the caller, completed from {@code inner}, failed at close if still pending. */
  private <T> CompletableFuture<T> track(CompletableFuture<T> inner) {
    CompletableFuture<T> result = new CompletableFuture<>();
    pending.add(result);
    result.whenComplete((v, f) -> pending.remove(result));
    if (isClosed()) {
      result.completeExceptionally(closedException());
    }
    inner.whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(homeport(failure));
      } else {
        result.complete(value);
      }
    });
    return result;
  }

  /**
   * Closes the camera: marks it closed, calls {@link #onClose(ClosedException)} once, then fails the
   * calls still pending with {@link ClosedException}. Idempotent and thread-safe.
   */
  @Override
  public final void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ClosedException reason = closedException();
    try {
      onClose(reason);
    } finally {
      for (CompletableFuture<?> future : List.copyOf(pending)) {
        future.completeExceptionally(reason);
      }
    }
  }
}
