package dev.homeport.cli.internal;

import dev.homeport.domain.Secret;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.ImmutableEventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code homeport events}: the smart home's user, locations, rooms, devices, and live device events. */
@Command(
    name = "events",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    exitCodeListHeading = ExitCodesHelp.HEADING,
    exitCodeList = {
      ExitCodesHelp.OK,
      ExitCodesHelp.FAILURE,
      ExitCodesHelp.USAGE,
      ExitCodesHelp.AUTHENTICATION,
      ExitCodesHelp.UNREACHABLE,
      ExitCodesHelp.REFUSED,
      ExitCodesHelp.CERTIFICATE,
      ExitCodesHelp.OUTPUT_CLOSED,
    },
    description = {
      "Query a smart home and watch its device events.",
      "The CSRF token and session cookie come from environment variables (see --csrf-env, --cookie-env).",
    },
    subcommands = {
      EventsCli.UserCmd.class,
      EventsCli.Locations.class,
      EventsCli.Rooms.class,
      EventsCli.Devices.class,
      EventsCli.Watch.class,
    })
public final class EventsCli implements Callable<Integer> {

  /** Default time-out for connecting and for queries (see {@link Futures#await}); --timeout changes it. */
  private static final Duration QUERY_WAIT = Duration.ofSeconds(10);

  /** Default time-out for filling the device directory before watching (at least --timeout). */
  private static final Duration WATCH_WAIT = Duration.ofSeconds(30);

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Deployment file naming the event source (YAML).")
  Path config;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = {"WebSocket URL; default, the library's:", "${sys:homeport.events.default-url}"})
  String url;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Time-out for connecting and for each query, such as 10s or 500ms (default: 10s).")
  String timeout;

  @Option(
      names = "--csrf-env",
      paramLabel = "VAR",
      description = "Environment variable holding the CSRF token (default: HOMEPORT_CSRF_TOKEN).")
  String csrfEnv;

  @Option(
      names = "--cookie-env",
      paramLabel = "VAR",
      description = "Environment variable holding the session cookie (default: HOMEPORT_COOKIE).")
  String cookieEnv;

  @Option(
      names = "--trust",
      paramLabel = "TRUST",
      description = "Certificate trust: default (system CAs), insecure, or sha256:HEX (pin).")
  String trust;

  @Option(names = "--ca-cert", paramLabel = "PEM", description = "Also trust this CA certificate (PEM file).")
  Path caCert;

  /** The variable that chooses the TLS engine when --tls-provider is not given. */
  static final String TLS_PROVIDER_ENV = "HOMEPORT_TLS_PROVIDER";

  @Option(
      names = "--tls-provider",
      paramLabel = "ENGINE",
      description =
          "TLS engine for the event connection: auto (default: Conscrypt, native AES-GCM, when its library"
              + " loads here, else the JDK's), jdk or conscrypt. Trust checks are the same on both."
              + " Also $" + TLS_PROVIDER_ENV + ", or tls-provider: in a config file.")
  String tlsProvider;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print results as JSON on standard output (watch: one object per line).")
  boolean json;

  public EventsCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing events command: one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** The --timeout for connecting and queries, checked. */
  Optional<Duration> queryWait() {
    return Optional.of(timeout == null ? QUERY_WAIT : Values.duration("--timeout", timeout));
  }

  EventSourceSpec resolve() {
    EventSourceSpec base =
        config != null ? Deployment.load(config).eventSource() : EventSourceSpec.smartThings();
    if (url != null) {
      base = base.withUrl(Values.webSocketUrl("--url", url));
    }
    if (csrfEnv != null) {
      base = base.withCsrfEnv(Values.variableName("--csrf-env", csrfEnv));
    }
    if (cookieEnv != null) {
      base = base.withCookieEnv(Values.variableName("--cookie-env", cookieEnv));
    }
    if (trust != null) {
      base = base.withTrust(Values.serviceTrust("--trust", trust));
    }
    if (caCert != null) {
      base = base.withCaCert(caCert);
    }
    if (timeout != null) {
      base = base.withTimeout(Values.duration("--timeout", timeout));
    }
    if (tlsProvider != null) {
      base = base.withTlsProvider(Values.eventsTlsProvider("--tls-provider", tlsProvider));
    } else {
      Optional<String> fromEnv = context.environment().variable(TLS_PROVIDER_ENV);
      if (fromEnv.isPresent()) {
        base = base.withTlsProvider(Values.eventsTlsProvider("$" + TLS_PROVIDER_ENV, fromEnv.get()));
      }
    }
    if (base.caCert().isPresent() && !java.nio.file.Files.isReadable(base.caCert().get())) {
      throw new UsageException("--ca-cert " + base.caCert().get() + " is not a readable file");
    }
    return base.validated();
  }

  /** Validates, reads secrets, connects; the caller closes the session. */
  SmartHomeSession connect(Output output) {
    EventSourceSpec source = resolve();
    Optional<Duration> wait = queryWait();
    Optional<Secret> csrf = Optional.empty();
    Optional<Secret> cookie = Optional.empty();
    if (source.source().equals("smartthings")) {
      csrf = Optional.of(context.secret(source.csrfEnv(), "CSRF token", "--csrf-env", Optional.empty()));
      cookie = Optional.of(context.secret(source.cookieEnv(), "session cookie", "--cookie-env", Optional.empty()));
    }
    if (source.trust().equals("insecure")) {
      output.insecureTrustWarning("read the session cookie");
    }
    source.peer().ifPresent(context::talksTo);
    output.progress("Connecting to " + source.url().map(Object::toString).orElse(source.source()) + "...");
    return Futures.await(
        context.backends().gateway(source, csrf, cookie).connect(), wait);
  }

  <T> int query(Function<SmartHomeSession, CompletableFuture<T>> call, Function<T, Result> view) {
    Output output = context.output(json);
    try (SmartHomeSession session = connect(output)) {
      T value = Futures.await(call.apply(session), queryWait());
      output.result(view.apply(value));
    }
    return 0;
  }

  /** A location given by id or by name (names are matched case-insensitively). */
  LocationId location(SmartHomeSession session, String text) {
    List<Location> locations =
        Futures.await(session.locations(), queryWait());
    for (Location location : locations) {
      if (location.id().value().equals(text)) {
        return location.id();
      }
    }
    for (Location location : locations) {
      if (location.name().equalsIgnoreCase(text)) {
        return location.id();
      }
    }
    throw new UsageException(
        "no location '" + text + "'; the account has: "
            + (locations.isEmpty()
                ? "none"
                : locations.stream()
                    .map(l -> l.id().value() + " (" + l.name() + ")")
                    .collect(java.util.stream.Collectors.joining(", "))));
  }

  // ---------------------------------------------------------------- subcommands

  abstract static class Sub implements Callable<Integer> {
    @ParentCommand EventsCli parent;
  }

  @Command(name = "user", description = "Show the account holder.")
  static final class UserCmd extends Sub {
    @Override
    public Integer call() {
      return parent.query(SmartHomeSession::user, HomeViews::user);
    }
  }

  @Command(name = "locations", description = "List the locations (homes).")
  static final class Locations extends Sub {
    @Override
    public Integer call() {
      return parent.query(SmartHomeSession::locations, HomeViews::locations);
    }
  }

  @Command(name = "rooms", description = "List the rooms of a location (id or name).")
  static final class Rooms extends Sub {
    @Parameters(index = "0", paramLabel = "LOCATION") String location;

    @Override
    public Integer call() {
      return parent.query(session -> session.rooms(parent.location(session, location)), HomeViews::rooms);
    }
  }

  @Command(name = "devices", description = "List the devices of a location (id or name) with their states.")
  static final class Devices extends Sub {
    @Parameters(index = "0", paramLabel = "LOCATION") String location;

    @Override
    public Integer call() {
      return parent.query(
          session -> {
            LocationId id = parent.location(session, location);
            return session.devices(id).thenCombine(session.rooms(id), HomeViews::devices);
          },
          Function.identity());
    }
  }

  @Command(
      name = "watch",
      description = {
        "Print device events of a location as they happen (Ctrl-C to stop).",
        "Reconnects by itself and says so on standard error."
      })
  static final class Watch extends Sub {
    @Parameters(index = "0", paramLabel = "LOCATION", description = {
        "A location id or name (any case).",
        "One the account does not have is a usage error (exit code 2) that lists the account's locations."})
    String location;

    @Option(names = "--device", paramLabel = "ID", description = "Only this device (repeatable).")
    List<String> devices;

    @Option(names = "--capability", paramLabel = "C", description = "Only this capability (repeatable).")
    List<String> capabilities;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    Long count;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long, such as 30s.")
    String duration;

    @Override
    public Integer call() {
      if (count != null && count < 1) {
        throw new UsageException("--count must be at least 1, was " + count);
      }
      Optional<Duration> limit =
          duration == null ? Optional.empty() : Optional.of(Values.duration("--duration", duration));
      parent.queryWait(); // checked before connecting
      Output output = parent.context.output(parent.json);
      try (SmartHomeSession session = parent.connect(output)) {
        return watch(session, output, limit);
      }
    }

    private int watch(SmartHomeSession session, Output output, Optional<Duration> limit) {
      LocationId id = parent.location(session, location);
      // Fill the directory first, so events carry their device's name.
      Duration query = parent.queryWait().orElseThrow();
      Futures.await(session.devices(id), Optional.of(query.compareTo(WATCH_WAIT) > 0 ? query : WATCH_WAIT));
      ImmutableEventFilter.Builder filter = ImmutableEventFilter.builder().locationId(id);
      if (devices != null) {
        devices.forEach(device -> filter.addDeviceIds(DeviceId.of(device)));
      }
      if (capabilities != null) {
        filter.addAllCapabilities(capabilities);
      }
      EventFilter built = filter.build();

      CompletableFuture<Void> done = new CompletableFuture<>();
      AtomicLong received = new AtomicLong();
      long started = System.nanoTime();
      LifecycleWatcher lifecycle = new LifecycleWatcher(output, done);
      session.lifecycle().subscribe(lifecycle);
      EventPrinter printer = new EventPrinter(output, received, count == null ? Long.MAX_VALUE : count, done);
      // Backpressure: into a slow pipe the session stops reading the socket instead of dropping or failing.
      session.subscribe(built, dev.homeport.ports.flow.OverflowPolicy.BACKPRESSURE).subscribe(printer);
      output.progress("Watching " + id + (limit.map(d -> " for " + d.toSeconds() + " s").orElse(""))
          + (count == null ? "" : ", up to " + count + " events") + "; Ctrl-C to stop.");

      try {
        parent.context.awaitEnd(done, limit);
      } finally {
        printer.cancel();
        lifecycle.cancel();
      }
      double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
      output.progress(
          String.format(java.util.Locale.ROOT, "%d events in %.1f s (%.1f/s)", received.get(), seconds, received.get() / seconds));
      return 0;
    }
  }

  /**
   * A subscriber that takes everything it is offered, can be cancelled from another thread, and
   * fails {@code done} when its stream fails.
   */
  abstract static class WatchSubscriber<T> implements Flow.Subscriber<T> {
    final Output output;
    final CompletableFuture<Void> done;
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    WatchSubscriber(Output output, CompletableFuture<Void> done) {
      this.output = output;
      this.done = done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.set(s);
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    void cancel() {
      Flow.Subscription s = subscription.get();
      if (s != null) {
        s.cancel();
      }
    }
  }

  /** Prints events as they come; completes {@code done} at the count or on a terminal signal. */
  static final class EventPrinter extends WatchSubscriber<DeviceEvent>
      implements dev.homeport.ports.flow.BatchingSubscriber<DeviceEvent> {
    private final AtomicLong received;
    private final long limit;

    EventPrinter(Output output, AtomicLong received, long limit, CompletableFuture<Void> done) {
      super(output, done);
      this.received = received;
      this.limit = limit;
    }

    @Override
    public void onNext(DeviceEvent event) {
      if (done.isDone()) {
        return;
      }
      long n = received.incrementAndGet();
      if (n > limit) {
        return;
      }
      if (output.json()) {
        output.jsonLineInBurst(generator -> HomeViews.writeEvent(generator, event));
      } else {
        output.lineInBurst(HomeViews.eventText(event));
      }
      if (n == limit) {
        endBurst();
        done.complete(null);
      }
    }

    /**
     * The delivery queue is empty for now: write out the burst. A person watching sees each event
     * within the delivery's linger (about a millisecond) of its arrival.
     */
    @Override
    public void onBatchEnd() {
      endBurst();
    }

    private void endBurst() {
      if (!output.endBurst()) {
        // The reader went away (| head): exit 141 quietly, as Output's closed signal does.
        done.completeExceptionally(new OutputClosedException());
      }
    }

    @Override
    public void onComplete() {
      endBurst();
      done.complete(null);
    }

    @Override
    public void onError(Throwable failure) {
      endBurst();
      super.onError(failure);
    }
  }

  /** Says on standard error when the session reconnects or disconnects (an expiry ends the stream: see below). */
  static final class LifecycleWatcher extends WatchSubscriber<LifecycleEvent> {

    LifecycleWatcher(Output output, CompletableFuture<Void> done) {
      super(output, done);
    }

    @Override
    public void onNext(LifecycleEvent event) {
      String detail = event.detail().isEmpty() ? "" : ": " + event.detail();
      SessionState state = event.state();
      if (state == SessionState.RECONNECTING) {
        output.note("homeport: connection lost, reconnecting" + detail);
      } else if (state == SessionState.AUTHENTICATED && event.eventsMayBeMissing()) {
        output.note("homeport: reconnected; events sent during the outage may be missing");
      } else if (state == SessionState.DISCONNECTED) {
        output.note("homeport: disconnected" + detail);
      }
      // SESSION_EXPIRED: the event stream fails with the expiry, and that failure is the command's
      // last line (exit code 3); saying it here too would print it twice.
    }

    @Override
    public void onComplete() {
      // the event stream reports the end
    }
  }
}
