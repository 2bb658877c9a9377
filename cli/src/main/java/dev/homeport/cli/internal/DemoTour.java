package dev.homeport.cli.internal;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.User;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CommandOutcome;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The narrated tour of {@code homeport demo}: camera info, settings read and changed, a preset, a
 * batch, a refused value, then the smart home's user, locations, rooms, devices and a few seconds
 * of live device events with their count and rate. It drives ports only; what stands behind them
 * (real adapters on simulators, or in-memory adapters) is the caller's choice.
 */
final class DemoTour {

  private static final Optional<Duration> WAIT = Optional.of(Duration.ofSeconds(15));
  private static final int EVENTS_SHOWN = 5;

  private final Output out;
  private final Camera camera;
  private final SmartHomeGateway gateway;
  private final Consumer<DeviceEvent> publisher;
  private final Duration streamFor;
  private final int eventsPerSecond;

  DemoTour(
      Output out,
      Camera camera,
      SmartHomeGateway gateway,
      Consumer<DeviceEvent> publisher,
      Duration streamFor,
      int eventsPerSecond) {
    this.out = out;
    this.camera = camera;
    this.gateway = gateway;
    this.publisher = publisher;
    this.streamFor = streamFor;
    this.eventsPerSecond = eventsPerSecond;
  }

  /** Runs the tour; failures propagate as HomeportExceptions. */
  DemoSummary run() {
    long cameraStart = System.nanoTime();
    cameraTour();
    double cameraSeconds = (System.nanoTime() - cameraStart) / 1e9;
    return homeTour(cameraSeconds);
  }

  private void cameraTour() {
    heading("1. The camera");
    CameraInfo info = send(new GetCameraInfo());
    out.line("   " + info.alias() + " — " + info.model() + ", firmware " + info.softwareVersion() + ", mac " + info.mac());

    heading("2. Read a few settings");
    show(Setting.POWER);
    show(Setting.NIGHT_VISION);
    show(Setting.MOTION_SENSITIVITY);
    show(Setting.RESOLUTION);

    heading("3. Change some and read them back");
    change(Setting.NIGHT_VISION, NightVisionMode.NIGHT);
    change(Setting.MOTION_SENSITIVITY, dev.homeport.domain.camera.Sensitivity.HIGH);
    change(Setting.STATUS_LED, Boolean.FALSE);

    heading("4. Move to a preset");
    List<Preset> presets = send(new ListPresets());
    for (Preset preset : presets) {
      out.line("   preset " + preset.token() + ": " + preset.name());
    }
    Position before = send(new GetPosition());
    send(new GoToPreset(2));
    Position after = send(new GetPosition());
    out.line("   went to preset 2: position " + before.x() + "," + before.y() + " -> " + after.x() + "," + after.y());

    heading("5. A batch: four commands in one request, one outcome each");
    List<CameraCommand<?>> batch =
        List.of(
            new GetSetting<>(Setting.POWER),
            new SetSetting<>(Setting.RESOLUTION, Resolution.P1080),
            new GetSetting<>(Setting.RESOLUTION),
            new GetPosition());
    BatchResult result = Futures.await(camera.executeAll(batch), WAIT);
    for (CommandOutcome<?> outcome : result.outcomes()) {
      out.line("   " + describe(outcome));
    }

    heading("6. Bad values are refused");
    try {
      Setting.MOTION_TRIGGER_TIME.parse("700000/1000");
      out.line("   (unexpectedly accepted)");
    } catch (IllegalArgumentException e) {
      out.line("   before sending: " + e.getMessage());
    }
    try {
      send(new Move(Direction.LEFT, 11));
    } catch (IllegalArgumentException e) {
      out.line("   before sending: " + e.getMessage());
    }
    try {
      send(RawCommand.of("smartlife.cam.ipcamera.teleport.set_destination"));
      out.line("   (unexpectedly accepted)");
    } catch (HomeportException e) {
      out.line("   by the camera: " + TerminalText.escape(e.getMessage()) + " [" + e.getClass().getSimpleName() + ", exit code "
          + Failures.exitCode(e) + "]");
    }
  }

  private DemoSummary homeTour(double cameraSeconds) {
    heading("7. The smart home");
    SmartHomeSession session = Futures.await(gateway.connect(), WAIT);
    try {
      User user = Futures.await(session.user(), WAIT);
      out.line("   signed in as " + user.userName() + user.fullName().map(name -> " (" + name + ")").orElse(""));
      List<Location> locations = Futures.await(session.locations(), WAIT);
      Location home = locations.get(0);
      out.line("   locations: " + String.join(", ", locations.stream().map(Location::name).toList()));
      List<Room> rooms = Futures.await(session.rooms(home.id()), WAIT);
      out.line("   rooms of " + home.name() + ": " + String.join(", ", rooms.stream().map(Room::name).toList()));
      List<Device> devices = Futures.await(session.devices(home.id()), WAIT);
      out.line("   devices:");
      for (String line : HomeViews.devices(devices, rooms).text().split("\\R")) {
        out.line("     " + line);
      }
      return stream(session, home, cameraSeconds);
    } finally {
      session.close();
    }
  }

  private DemoSummary stream(SmartHomeSession session, Location home, double cameraSeconds) {
    heading("8. Live device events of " + home.name() + " for " + streamFor.toSeconds() + " s");
    AtomicLong received = new AtomicLong();
    AtomicLong afterWarmUp = new AtomicLong();
    AtomicLong burstFrom = new AtomicLong(Long.MAX_VALUE);
    CompletableFuture<Void> firstArrived = new CompletableFuture<>();
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    Flow.Subscriber<DeviceEvent> subscriber =
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(DeviceEvent event) {
            long n = received.incrementAndGet();
            firstArrived.complete(null);
            if (n <= EVENTS_SHOWN) {
              out.line("   " + HomeViews.eventText(event));
            } else if (n == EVENTS_SHOWN + 1) {
              out.line("   ...");
            }
            if (DemoData.sequenceOf(event) >= burstFrom.get()) {
              afterWarmUp.incrementAndGet();
            }
          }

          @Override
          public void onError(Throwable failure) {
            failed.complete(failure);
          }

          @Override
          public void onComplete() {}
        };
    session.subscribe(EventFilter.location(home.id())).subscribe(subscriber);

    AtomicLong sequence = new AtomicLong();
    ScheduledExecutorService ticker = Resources.daemonScheduler("demo-events");
    try {
      // Warm-up: one event at a time until the subscription is live on the other side.
      var warmUp =
          ticker.scheduleAtFixedRate(
              guarded(failed, () -> publisher.accept(DemoData.event(sequence.getAndIncrement(), Instant.now()))),
              0, 50, TimeUnit.MILLISECONDS);
      Futures.await(firstArrived.applyToEither(failed.thenAccept(DemoTour::rethrow), v -> v), WAIT);
      warmUp.cancel(false);
      Futures.await(CompletableFuture.runAsync(() -> {}, ticker), WAIT); // let the last warm-up tick finish
      long warmUpSeen = received.get();
      burstFrom.set(sequence.get());

      // 100 ticks a second carry rates of 100/s and more; a lower rate is one event per tick, the
      // ticks spaced out (10/s: one every 100 ms), so that the rate asked for is the rate published.
      long perTick = Math.max(1, eventsPerSecond / 100);
      long tickMicros = eventsPerSecond >= 100 ? 10_000 : 1_000_000 / Math.max(1, eventsPerSecond);
      AtomicLong published = new AtomicLong();
      long start = System.nanoTime();
      var burst =
          ticker.scheduleAtFixedRate(
              guarded(failed, () -> {
                for (int i = 0; i < perTick; i++) {
                  publisher.accept(DemoData.event(sequence.getAndIncrement(), Instant.now()));
                  published.incrementAndGet();
                }
              }),
              0, tickMicros, TimeUnit.MICROSECONDS);
      CompletableFuture<Void> stop = new CompletableFuture<>();
      ticker.schedule(() -> {
        burst.cancel(false);
        stop.complete(null);
      }, streamFor.toMillis(), TimeUnit.MILLISECONDS);
      Futures.await(stop.applyToEither(failed.thenAccept(DemoTour::rethrow), v -> v), Optional.of(streamFor.plusSeconds(10)));
      Futures.await(CompletableFuture.runAsync(() -> {}, ticker), WAIT);
      long total = published.get();
      // Let delivery catch up (bounded): the count is what arrived.
      CompletableFuture<Void> caughtUp = new CompletableFuture<>();
      var poll =
          ticker.scheduleAtFixedRate(
              () -> {
                if (afterWarmUp.get() >= total) {
                  caughtUp.complete(null);
                }
              },
              0, 20, TimeUnit.MILLISECONDS);
      try {
        caughtUp.get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // report what arrived
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        throw Failures.rethrowable(e.getCause());
      }
      poll.cancel(false);
      double seconds = (System.nanoTime() - start) / 1e9;
      long got = afterWarmUp.get();
      out.line(
          String.format(
              Locale.ROOT,
              "   %d events received in %.1f s (%.0f events/s); %d published, %d missing; %d warm-up events before",
              got, seconds, got / seconds, total, Math.max(0, total - got), warmUpSeen));
      if (failed.isDone()) {
        throw Failures.rethrowable(failed.join());
      }
      return new DemoSummary(got, total, seconds, cameraSeconds);
    } finally {
      ticker.shutdownNow();
    }
  }

  /** A periodic task that reports its failure instead of silently stopping. */
  private static Runnable guarded(CompletableFuture<Throwable> failed, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        failed.complete(e);
        throw e;
      }
    };
  }

  private static void rethrow(Throwable failure) {
    throw Failures.rethrowable(failure);
  }

  private <R> R send(CameraCommand<R> command) {
    return Futures.await(camera.execute(command), WAIT);
  }

  private <T> void show(Setting<T> setting) {
    T value = send(new GetSetting<>(setting));
    out.line("   " + pad(setting.id()) + setting.format(value));
  }

  private <T> void change(Setting<T> setting, T value) {
    T before = send(new GetSetting<>(setting));
    send(new SetSetting<>(setting, value));
    T after = send(new GetSetting<>(setting));
    out.line("   " + pad(setting.id()) + setting.format(before) + " -> " + setting.format(after));
  }

  private static String pad(String id) {
    return String.format(Locale.ROOT, "%-20s", id);
  }

  private static String describe(CommandOutcome<?> outcome) {
    String name = outcome.command().getClass().getSimpleName();
    if (outcome.command() instanceof GetSetting<?> get) {
      name += " " + get.setting().id();
    } else if (outcome.command() instanceof SetSetting<?> set) {
      name += " " + set.setting().id() + "=" + format(set);
    }
    if (!outcome.succeeded()) {
      return name + ": failed: " + outcome.failure().map(Throwable::getMessage).orElse("");
    }
    return name + ": ok" + outcome.value().map(value -> " -> " + render(outcome.command(), value)).orElse("");
  }

  private static <T> String format(SetSetting<T> set) {
    return set.setting().format(set.value());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String render(CameraCommand<?> command, Object value) {
    if (command instanceof GetSetting<?> get) {
      return ((Setting) get.setting()).format(value);
    }
    if (value instanceof Position position) {
      return position.x() + "," + position.y();
    }
    return String.valueOf(value);
  }

  private void heading(String text) {
    out.line("");
    out.line(text);
  }

  /** What the tour measured. */
  record DemoSummary(long eventsReceived, long eventsPublished, double streamSeconds, double cameraSeconds) {}
}
