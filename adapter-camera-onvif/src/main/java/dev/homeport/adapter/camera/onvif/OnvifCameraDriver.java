package dev.homeport.adapter.camera.onvif;

import dev.homeport.adapter.camera.onvif.internal.OnvifCamera;
import dev.homeport.adapter.camera.onvif.internal.OnvifOptions;
import dev.homeport.adapter.camera.onvif.internal.OnvifTransport;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraEndpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code onvif} brand: IP cameras that speak ONVIF Profile S on the LAN (Hikvision, Dahua,
 * Reolink, Amcrest, Axis, TP-Link Tapo C-series on port 2020, ...), SOAP 1.2 over plain HTTP on the
 * JDK {@link HttpClient}.
 *
 * <pre>{@code
 * Camera garden = new OnvifCameraDriver().connect(ImmutableCameraEndpoint.builder()
 *     .name("garden").brand("onvif").host("192.168.1.30").port(2020)
 *     .username("admin").password(Secret.of(System.getenv("GARDEN_PASSWORD")))
 *     .build());
 * garden.execute(new Move(Direction.LEFT, 5)).join();
 * }</pre>
 *
 * <p>Endpoint options: {@code profile} (a media profile token or name; default the first profile
 * with a PTZ configuration, else the first), {@code path} (the device service path, default
 * {@code /onvif/device_service}), {@code preserveAddresses} ({@code true} to use service addresses
 * exactly as the camera reports them; by default their host and port are replaced with the
 * configured ones, which cameras behind NAT or with a changed address need), {@code connectTimeout}
 * (default 5s), {@code requestTimeout} (default 8s), {@code pullTimeout} (how long each event long
 * poll waits on the camera, default 10s). The port defaults to 80. User name and password are
 * optional (cameras that allow anonymous access need none).
 *
 * <p>Connecting does no I/O. Thread-safe: one driver serves any number of cameras; each camera has
 * its own HTTP client on the driver's executor.
 */
public final class OnvifCameraDriver implements CameraDriver {

  /** The brand id. */
  public static final String BRAND = "onvif";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final class Shared {
    static final OnvifCameraDriver INSTANCE = new OnvifCameraDriver();
  }

  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;

  /** A driver with its own daemon threads (created on demand, ended after a minute idle). */
  public OnvifCameraDriver() {
    this(Clock.systemUTC());
  }

  /** A driver whose local clock is {@code clock} (tests). */
  public OnvifCameraDriver(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> daemon(r, "homeport-onvif-"));
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "homeport-onvif-timer-"));
    timers.setKeepAliveTime(60, TimeUnit.SECONDS);
    timers.allowCoreThreadTimeOut(true);
    timers.setRemoveOnCancelPolicy(true);
    this.scheduler = Executors.unconfigurableScheduledExecutorService(timers);
  }

  private static Thread daemon(Runnable r, String prefix) {
    Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  }

  /** The process-wide driver (ServiceLoader and the Guice module use it). */
  public static OnvifCameraDriver shared() {
    return Shared.INSTANCE;
  }

  @Override
  public String brand() {
    return BRAND;
  }

  /**
   * A camera for {@code endpoint} (see the class documentation for its options). No I/O happens
   * here: the first command reads the camera clock, finds its services and chooses the profile.
   *
   * @throws IllegalArgumentException for another brand, a password without user name, or an unknown
   *     or invalid option (naming it and the allowed values)
   */
  @Override
  public Camera connect(CameraEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    OnvifOptions options = OnvifOptions.of(endpoint, BRAND);
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(options.connectTimeout())
        .executor(executor)
        .build();
    OnvifTransport transport = new OnvifTransport(endpoint.name(), options.deviceService(), endpoint.username(),
        endpoint.password(), options.requestTimeout(), client, clock);
    return new OnvifCamera(endpoint.name(), transport, options.profile(), options.preserveAddresses(),
        options.requestTimeout(), scheduler, clock, options.events());
  }

  @Override
  public String toString() {
    return "OnvifCameraDriver";
  }
}
