package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.Futures;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.AbstractCamera;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.CameraEvents;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONVIF camera behind the {@link Camera} port. The first command discovers the camera (clock
 * offset, service addresses, media profiles) and later commands reuse what it found; a failed
 * discovery is tried again by the next command. Requests may overlap (ONVIF cameras serve several
 * at once).
 *
 * <p>Mapping: info from {@code GetDeviceInformation} (+ name and type scopes, MAC from the network
 * interfaces); move/stop/position/presets through PTZ on the chosen profile (domain 0..10000 on each
 * axis is ONVIF's generic -1..1 space, linearly; speed 1..10 is velocity 0.1..1.0); night vision
 * through the imaging service's {@code IrCutFilter} (ON = day, OFF = night, AUTO); stream address
 * from {@code GetStreamUri} (RTSP over RTP unicast); snapshots fetched from {@code GetSnapshotUri}.
 *
 * <p>What every camera does the same way (argument checks, close, capabilities, batches command by
 * command, as ONVIF has no batch request) is {@link AbstractCamera}'s.
 *
 * <p>Thread-safe.
 */
public final class OnvifCamera extends AbstractCamera {

  private static final Logger LOG = LoggerFactory.getLogger(OnvifCamera.class);

  /** What the brand can do at most; {@link #capabilities()} narrows it once the profile is known. */
  static final CameraCapabilities ALL = CameraCapabilities.of(
      Set.of(GetCameraInfo.class, GetSetting.class, SetSetting.class, Move.class, Stop.class, GetPosition.class,
          SetPosition.class, ListPresets.class, GoToPreset.class, SavePreset.class, GetStreamUri.class, GetSnapshot.class, Reboot.class),
      Set.of(Setting.NIGHT_VISION));

  private final OnvifTransport transport;
  private final Optional<String> profileOption;
  private final boolean preserveAddresses;
  private final Duration requestTimeout;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final EventOptions eventOptions;
  private final AtomicReference<CompletableFuture<OnvifServices>> discovery = new AtomicReference<>();
  private final Set<PullPointEvents> streams = ConcurrentHashMap.newKeySet();
  private volatile CameraCapabilities capabilities = ALL;

  public OnvifCamera(String name, OnvifTransport transport, Optional<String> profileOption, boolean preserveAddresses,
      Duration requestTimeout, ScheduledExecutorService scheduler, Clock clock, EventOptions eventOptions) {
    super(name);
    this.transport = Objects.requireNonNull(transport, "transport");
    this.profileOption = Objects.requireNonNull(profileOption, "profileOption");
    this.preserveAddresses = preserveAddresses;
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.eventOptions = Objects.requireNonNull(eventOptions, "eventOptions");
  }

  /** The transport, for tests that check the clock offset and the Digest fall-back. */
  public OnvifTransport transport() {
    return transport;
  }

  /**
   * The brand's commands until the first command has discovered the camera; then only those its
   * profile supports (no PTZ configuration: no motion or presets; no imaging service: no night
   * vision).
   */
  @Override
  public CameraCapabilities capabilities() {
    return capabilities;
  }

  /** A position outside the part of the domain's grid that maps onto ONVIF's generic space. */
  @Override
  protected void checkExpressible(CameraCommand<?> command) {
    if (command instanceof SetPosition set) {
      checkGeneric(set.target());
    }
  }

  /**
   * Discovers the camera if need be, then sends the command. ONVIF has no batch request, so a
   * batch is the base's command by command.
   */
  @Override
  protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
    return services().thenCompose(services -> run(services, command));
  }

  // ------------------------------------------------------------------------------ discovery

  /** The discovered services, discovering them once (again after a failure). */
  CompletableFuture<OnvifServices> services() {
    CompletableFuture<OnvifServices> current = discovery.get();
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    CompletableFuture<OnvifServices> fresh = new CompletableFuture<>();
    if (!discovery.compareAndSet(current, fresh)) {
      return services();
    }
    discover().whenComplete((services, failure) -> {
      if (failure != null) {
        fresh.completeExceptionally(failure);
      } else {
        capabilities = narrowed(services);
        fresh.complete(services);
      }
    });
    return fresh;
  }

  /** Forgets what discovery found (after a camera reboot the addresses may change). */
  void forgetServices() {
    discovery.set(null);
  }

  private CameraCapabilities narrowed(OnvifServices services) {
    Set<Class<?>> types = new java.util.HashSet<>(ALL.commandTypes());
    Set<Setting<?>> settings = new java.util.HashSet<>(ALL.settings());
    if (!services.hasPtz()) {
      types.removeAll(List.of(Move.class, Stop.class, GetPosition.class, SetPosition.class, ListPresets.class,
          GoToPreset.class, SavePreset.class));
    }
    if (!services.hasImaging()) {
      types.removeAll(List.of(GetSetting.class, SetSetting.class));
      settings.clear();
    }
    return CameraCapabilities.of(types, settings);
  }

  private CompletableFuture<OnvifServices> discover() {
    URI device = transport.deviceService();
    XmlElement getServices = XmlElement.of(Ns.TDS, "GetServices").add(Ns.TDS, "IncludeCapability", "false");
    return transport.call(device, "device", "GetServices", getServices)
        .thenApply(this::fromServices)
        .exceptionallyCompose(failure -> {
          Throwable cause = Futures.unwrap(failure);
          if (cause instanceof AuthenticationException || cause instanceof ClosedException
              || (cause instanceof TransportException && !(cause instanceof ProtocolException))) {
            return CompletableFuture.failedFuture(cause);
          }
          LOG.debug("camera {}: GetServices failed ({}); trying GetCapabilities", name(), cause.getMessage());
          XmlElement getCapabilities = XmlElement.of(Ns.TDS, "GetCapabilities").add(Ns.TDS, "Category", "All");
          return transport.call(device, "device", "GetCapabilities", getCapabilities).thenApply(this::fromCapabilities);
        })
        .thenCompose(addresses -> transport.call(addresses.get(Ns.TRT), "media", "GetProfiles",
                XmlElement.of(Ns.TRT, "GetProfiles"))
            .thenApply(answer -> withProfiles(addresses, answer)));
  }

  private Map<String, URI> fromServices(XmlElement answer) {
    Map<String, URI> addresses = new LinkedHashMap<>();
    for (XmlElement service : answer.all("Service")) {
      Optional<String> namespace = service.textAt("Namespace");
      Optional<String> xaddr = service.textAt("XAddr");
      if (namespace.isPresent() && xaddr.isPresent() && !xaddr.get().isEmpty()) {
        addresses.putIfAbsent(namespace.get(), address(xaddr.get()));
      }
    }
    if (!addresses.containsKey(Ns.TRT)) {
      throw new ProtocolException("camera '" + name() + "' lists no media service (" + Ns.TRT + ") in GetServices");
    }
    return addresses;
  }

  private Map<String, URI> fromCapabilities(XmlElement answer) {
    XmlElement capabilities = answer.require("GetCapabilities", "Capabilities");
    Map<String, URI> addresses = new LinkedHashMap<>();
    capabilities.textAt("Media", "XAddr").ifPresent(x -> addresses.put(Ns.TRT, address(x)));
    capabilities.textAt("PTZ", "XAddr").ifPresent(x -> addresses.put(Ns.TPTZ, address(x)));
    capabilities.textAt("Imaging", "XAddr").ifPresent(x -> addresses.put(Ns.TIMG, address(x)));
    capabilities.textAt("Events", "XAddr").ifPresent(x -> addresses.put(Ns.TEV, address(x)));
    if (!addresses.containsKey(Ns.TRT)) {
      throw new ProtocolException("camera '" + name() + "' lists no media service in GetCapabilities");
    }
    return addresses;
  }

  private URI address(String xaddr) {
    URI device = transport.deviceService();
    URI uri = OnvifServices.resolve(device, xaddr);
    if (preserveAddresses || (uri.getHost().equalsIgnoreCase(device.getHost()) && uri.getPort() == device.getPort())) {
      return uri;
    }
    // Cameras behind NAT or with a changed address report their own idea of it: keep the path and
    // use the address this camera was configured with (option preserveAddresses=true keeps theirs).
    try {
      return new URI(device.getScheme(), uri.getRawUserInfo(), device.getHost(), device.getPort(), uri.getPath(),
          uri.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      throw new ProtocolException("camera gave an invalid service address: " + Text.printable(xaddr, 120));
    }
  }

  private OnvifServices withProfiles(Map<String, URI> addresses, XmlElement answer) {
    List<OnvifServices.Profile> profiles = new ArrayList<>();
    for (XmlElement p : answer.all("Profiles")) {
      Optional<String> token = p.attribute("token");
      if (token.isEmpty()) {
        continue;
      }
      profiles.add(new OnvifServices.Profile(token.get(), p.textAt("Name").orElse(token.get()),
          p.textAt("VideoSourceConfiguration", "SourceToken").filter(s -> !s.isEmpty()),
          p.child("PTZConfiguration").flatMap(c -> c.attribute("token"))));
    }
    if (profiles.isEmpty()) {
      throw new CameraCommandException("media.GetProfiles", "NoProfile", "the camera has no media profile", false);
    }
    OnvifServices.Profile chosen;
    if (profileOption.isPresent()) {
      String wanted = profileOption.get();
      chosen = profiles.stream().filter(p -> p.token().equals(wanted) || p.name().equals(wanted)).findFirst()
          .orElseThrow(() -> new CameraCommandException("media.GetProfiles", "NoProfile", "no profile named or tokened '"
              + wanted + "'; the camera has " + profiles.stream().map(p -> p.token() + " (" + Text.printable(p.name(), 40) + ")")
              .toList(), false));
    } else {
      chosen = profiles.stream().filter(p -> p.ptzConfiguration().isPresent()).findFirst().orElse(profiles.get(0));
    }
    LOG.debug("camera {}: using profile {}", name(), chosen.token());
    return new OnvifServices(addresses.get(Ns.TRT), Optional.ofNullable(addresses.get(Ns.TPTZ)),
        Optional.ofNullable(addresses.get(Ns.TIMG)), Optional.ofNullable(addresses.get(Ns.TEV)),
        List.copyOf(profiles), chosen);
  }

  // ------------------------------------------------------------------------------ commands

  @SuppressWarnings("unchecked")
  private <R> CompletableFuture<R> run(OnvifServices s, CameraCommand<R> command) {
    // The base checked the brand's commands; the first discovery may have narrowed them to the profile's.
    if (!capabilities.supports(command)) {
      return CompletableFuture.failedFuture(unsupported(command));
    }
    return (CompletableFuture<R>) runAny(s, command);
  }

  private CompletableFuture<?> runAny(OnvifServices s, CameraCommand<?> command) {
    String profile = s.profile().token();
    if (command instanceof GetCameraInfo) {
      return info();
    }
    if (command instanceof Move move) {
      double v = move.speed() / (double) Move.MAX_SPEED;
      double x = horizontal(move.direction()) * v;
      double y = vertical(move.direction()) * v;
      XmlElement request = XmlElement.of(Ns.TPTZ, "ContinuousMove").add(Ns.TPTZ, "ProfileToken", profile)
          .add(XmlElement.of(Ns.TPTZ, "Velocity").add(XmlElement.of(Ns.TT, "PanTilt")
              .attr("x", number(x)).attr("y", number(y))));
      return transport.call(s.requirePtz(), "ptz", "ContinuousMove", request).thenApply(a -> null);
    }
    if (command instanceof Stop) {
      XmlElement request = XmlElement.of(Ns.TPTZ, "Stop").add(Ns.TPTZ, "ProfileToken", profile)
          .add(Ns.TPTZ, "PanTilt", "true").add(Ns.TPTZ, "Zoom", "true");
      return transport.call(s.requirePtz(), "ptz", "Stop", request).thenApply(a -> null);
    }
    if (command instanceof GetPosition) {
      XmlElement request = XmlElement.of(Ns.TPTZ, "GetStatus").add(Ns.TPTZ, "ProfileToken", profile);
      return transport.call(s.requirePtz(), "ptz", "GetStatus", request).thenApply(OnvifCamera::position);
    }
    if (command instanceof SetPosition set) {
      XmlElement request = XmlElement.of(Ns.TPTZ, "AbsoluteMove").add(Ns.TPTZ, "ProfileToken", profile)
          .add(XmlElement.of(Ns.TPTZ, "Position").add(XmlElement.of(Ns.TT, "PanTilt")
              .attr("x", number(toGeneric(set.target().x()))).attr("y", number(toGeneric(set.target().y())))));
      return transport.call(s.requirePtz(), "ptz", "AbsoluteMove", request).thenApply(a -> null);
    }
    if (command instanceof ListPresets) {
      XmlElement request = XmlElement.of(Ns.TPTZ, "GetPresets").add(Ns.TPTZ, "ProfileToken", profile);
      return transport.call(s.requirePtz(), "ptz", "GetPresets", request).thenApply(OnvifCamera::presets);
    }
    if (command instanceof GoToPreset go) {
      XmlElement request = XmlElement.of(Ns.TPTZ, "GotoPreset").add(Ns.TPTZ, "ProfileToken", profile)
          .add(Ns.TPTZ, "PresetToken", go.preset());
      return transport.call(s.requirePtz(), "ptz", "GotoPreset", request).thenApply(a -> null);
    }
    if (command instanceof SavePreset save) {
      // no PresetToken: the camera saves a new preset and chooses its token
      XmlElement request = XmlElement.of(Ns.TPTZ, "SetPreset").add(Ns.TPTZ, "ProfileToken", profile);
      if (!save.name().isEmpty()) {
        request.add(Ns.TPTZ, "PresetName", save.name());
      }
      return transport.call(s.requirePtz(), "ptz", "SetPreset", request).thenApply(OnvifCamera::presetToken);
    }
    if (command instanceof GetSetting<?> get && get.setting() == Setting.NIGHT_VISION) {
      XmlElement request = XmlElement.of(Ns.TIMG, "GetImagingSettings")
          .add(Ns.TIMG, "VideoSourceToken", s.profile().videoSource().orElseThrow());
      return transport.call(s.imaging().orElseThrow(), "imaging", "GetImagingSettings", request)
          .thenApply(OnvifCamera::nightVision);
    }
    if (command instanceof SetSetting<?> set && set.setting() == Setting.NIGHT_VISION) {
      XmlElement request = XmlElement.of(Ns.TIMG, "SetImagingSettings")
          .add(Ns.TIMG, "VideoSourceToken", s.profile().videoSource().orElseThrow())
          .add(XmlElement.of(Ns.TIMG, "ImagingSettings").add(Ns.TT, "IrCutFilter", irCut((NightVisionMode) set.value())))
          .add(Ns.TIMG, "ForcePersistence", "true");
      return transport.call(s.imaging().orElseThrow(), "imaging", "SetImagingSettings", request).thenApply(a -> null);
    }
    if (command instanceof Reboot) {
      return transport.call(transport.deviceService(), "device", "SystemReboot", XmlElement.of(Ns.TDS, "SystemReboot"))
          .thenApply(answer -> {
            // the camera comes back with new pull points, maybe new service addresses
            forgetServices();
            return null;
          });
    }
    if (command instanceof GetStreamUri) {
      XmlElement request = XmlElement.of(Ns.TRT, "GetStreamUri")
          .add(XmlElement.of(Ns.TRT, "StreamSetup").add(Ns.TT, "Stream", "RTP-Unicast")
              .add(XmlElement.of(Ns.TT, "Transport").add(Ns.TT, "Protocol", "RTSP")))
          .add(Ns.TRT, "ProfileToken", profile);
      return transport.call(s.media(), "media", "GetStreamUri", request)
          .thenApply(answer -> mediaUri(answer, "GetStreamUri", Set.of("rtsp", "rtsps")));
    }
    if (command instanceof GetSnapshot get) {
      XmlElement request = XmlElement.of(Ns.TRT, "GetSnapshotUri").add(Ns.TRT, "ProfileToken", profile);
      return transport.call(s.media(), "media", "GetSnapshotUri", request)
          .thenApply(answer -> mediaUri(answer, "GetSnapshotUri", Set.of("http", "https")))
          .thenCompose(uri -> snapshot(uri, get.maxBytes()));
    }
    return CompletableFuture.failedFuture(unsupported(command));
  }

  private CompletableFuture<CameraInfo> info() {
    URI device = transport.deviceService();
    CompletableFuture<XmlElement> information =
        transport.call(device, "device", "GetDeviceInformation", XmlElement.of(Ns.TDS, "GetDeviceInformation"));
    // Name and type scopes and the MAC address are extras: a camera that refuses them still has info.
    CompletableFuture<Optional<XmlElement>> scopes = optional(
        information.thenCompose(i -> transport.call(device, "device", "GetScopes", XmlElement.of(Ns.TDS, "GetScopes"))));
    CompletableFuture<Optional<XmlElement>> interfaces = optional(scopes.thenCompose(sc ->
        transport.call(device, "device", "GetNetworkInterfaces", XmlElement.of(Ns.TDS, "GetNetworkInterfaces"))));
    return information.thenCombine(scopes, (i, sc) -> new Object[] {i, sc}).thenCombine(interfaces, (pair, ifs) -> {
      XmlElement i = (XmlElement) pair[0];
      @SuppressWarnings("unchecked")
      Optional<XmlElement> sc = (Optional<XmlElement>) pair[1];
      return cameraInfo(i, sc, ifs);
    });
  }

  private CompletableFuture<Optional<XmlElement>> optional(CompletableFuture<XmlElement> call) {
    return call.handle((answer, failure) -> {
      if (failure == null) {
        return Optional.of(answer);
      }
      Throwable cause = Futures.unwrap(failure);
      if (cause instanceof CameraCommandException || cause instanceof UnsupportedCommandException) {
        return Optional.empty();
      }
      throw new CompletionException(cause);
    });
  }

  private CameraInfo cameraInfo(XmlElement info, Optional<XmlElement> scopes, Optional<XmlElement> interfaces) {
    String model = info.textAt("Model").orElse("");
    Map<String, String> scopeValues = new LinkedHashMap<>();
    scopes.ifPresent(answer -> {
      for (XmlElement scope : answer.all("Scopes")) {
        String item = scope.textAt("ScopeItem").orElse("");
        String prefix = "onvif://www.onvif.org/";
        if (item.startsWith(prefix)) {
          String rest = item.substring(prefix.length());
          int slash = rest.indexOf('/');
          if (slash > 0) {
            scopeValues.putIfAbsent(rest.substring(0, slash),
                URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8));
          }
        }
      }
    });
    String mac = interfaces.flatMap(answer -> answer.all("NetworkInterfaces").stream()
        .map(n -> n.textAt("Info", "HwAddress")).flatMap(Optional::stream).findFirst()).orElse("");
    Map<String, Object> other = new LinkedHashMap<>();
    info.textAt("Manufacturer").ifPresent(v -> other.put("manufacturer", v));
    return ImmutableCameraInfo.builder()
        .alias(scopeValues.getOrDefault("name", model))
        .model(model)
        .type(scopeValues.getOrDefault("type", "NetworkVideoTransmitter"))
        .softwareVersion(info.textAt("FirmwareVersion").orElse(""))
        .hardwareVersion(info.textAt("HardwareId").orElse(""))
        .mac(mac)
        .deviceId(info.textAt("SerialNumber").orElse(""))
        .otherFields(FieldMap.of(other))
        .build();
  }

  private CompletableFuture<Snapshot> snapshot(URI uri, int maxBytes) {
    URI device = transport.deviceService();
    if (!uri.getHost().equalsIgnoreCase(device.getHost())) {
      // Never send the camera's credentials to another host: a camera could name any address.
      return CompletableFuture.failedFuture(new ProtocolException("camera '" + name() + "' gave a snapshot address on "
          + "another host (" + Text.printable(uri.getHost(), 80) + "); homeport does not send its credentials there"));
    }
    return transport.get(uri, maxBytes, "snapshot").thenApply(response -> image(response, maxBytes));
  }

  private Snapshot image(HttpResponse<byte[]> response, int maxBytes) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new AuthenticationException("camera '" + name() + "' refused the snapshot download with HTTP " + status);
    }
    if (status != 200) {
      throw new TransportException("camera '" + name() + "' answered the snapshot download with HTTP " + status, null,
          status >= 500);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    byte[] bytes = response.body();
    if (!media.equals("image/jpeg")) {
      throw new ProtocolException("camera '" + name() + "' snapshot is not a JPEG (Content-Type "
          + (type.isEmpty() ? "missing" : "\"" + Text.printable(type, 60) + "\"") + ")");
    }
    if (bytes.length < 4 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8) {
      throw new ProtocolException("camera '" + name() + "' snapshot says image/jpeg but does not start like a JPEG");
    }
    return new Snapshot("image/jpeg", bytes);
  }

  private URI mediaUri(XmlElement answer, String operation, Set<String> schemes) {
    String text = answer.require(operation, "MediaUri", "Uri").text();
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
        throw new ProtocolException("camera '" + name() + "' answered " + operation + " with an address that is not "
            + String.join("/", schemes) + ": " + Text.printable(text, 120));
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new ProtocolException("camera '" + name() + "' answered " + operation + " with an invalid address: "
          + Text.printable(text, 120));
    }
  }

  static Position position(XmlElement answer) {
    XmlElement panTilt = answer.require("GetStatus", "PTZStatus", "Position", "PanTilt");
    return new Position(fromGeneric(coordinate(panTilt, "x")), fromGeneric(coordinate(panTilt, "y")));
  }

  private static double coordinate(XmlElement panTilt, String axis) {
    String text = panTilt.attribute(axis)
        .orElseThrow(() -> new ProtocolException("camera answer to GetStatus lacks PanTilt@" + axis));
    try {
      double value = Double.parseDouble(text);
      if (Double.isNaN(value) || value < -1.0001 || value > 1.0001) {
        throw new ProtocolException("camera answer to GetStatus has PanTilt@" + axis + " = " + value
            + ", outside the generic space -1..1");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ProtocolException("camera answer to GetStatus has PanTilt@" + axis + " = \""
          + Text.printable(text, 20) + "\", not a number");
    }
  }

  /** -1 for a leftward direction, 1 for a rightward one, 0 otherwise. */
  static int horizontal(Direction d) {
    switch (d) {
      case LEFT:
      case UP_LEFT:
      case DOWN_LEFT:
        return -1;
      case RIGHT:
      case UP_RIGHT:
      case DOWN_RIGHT:
        return 1;
      default:
        return 0;
    }
  }

  /** -1 for a downward direction, 1 for an upward one, 0 otherwise. */
  static int vertical(Direction d) {
    switch (d) {
      case DOWN:
      case DOWN_LEFT:
      case DOWN_RIGHT:
        return -1;
      case UP:
      case UP_LEFT:
      case UP_RIGHT:
        return 1;
      default:
        return 0;
    }
  }

  /**
   * Refuses, before I/O, a position outside the part of the domain's grid that maps onto ONVIF's
   * generic space (0..10000 per axis).
   */
  static void checkGeneric(Position p) {
    if (p.x() < 0 || p.x() > Position.MAX) {
      throw new IllegalArgumentException("position x must be 0.." + Position.MAX
          + " for onvif (the generic space -1..1), was " + p.x());
    }
    if (p.y() < 0 || p.y() > Position.MAX) {
      throw new IllegalArgumentException("position y must be 0.." + Position.MAX
          + " for onvif (the generic space -1..1), was " + p.y());
    }
  }

  /** Domain 0..10000 to ONVIF's generic -1..1. */
  static double toGeneric(int steps) {
    return steps / (Position.MAX / 2.0) - 1.0;
  }

  /** ONVIF's generic -1..1 to domain 0..10000, rounded to the nearest step and clamped. */
  static int fromGeneric(double value) {
    long steps = Math.round((value + 1.0) * (Position.MAX / 2.0));
    return (int) Math.max(0, Math.min(Position.MAX, steps));
  }

  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static List<Preset> presets(XmlElement answer) {
    List<Preset> presets = new ArrayList<>();
    for (XmlElement p : answer.all("Preset")) {
      Optional<String> token = p.attribute("token");
      if (token.isEmpty()) {
        continue;
      }
      try {
        presets.add(new Preset(token.get(), p.textAt("Name").orElse("")));
      } catch (IllegalArgumentException e) {
        throw new ProtocolException("camera answer to GetPresets has an invalid preset: " + e.getMessage());
      }
    }
    return List.copyOf(presets);
  }

  /** The token a camera answered {@code SetPreset} with, checked like every preset token. */
  static String presetToken(XmlElement answer) {
    String token = answer.require("SetPreset", "PresetToken").text().strip();
    try {
      return new GoToPreset(token).preset();
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("camera answer to SetPreset has an invalid preset token: " + e.getMessage());
    }
  }

  static NightVisionMode nightVision(XmlElement answer) {
    String mode = answer.require("GetImagingSettings", "ImagingSettings", "IrCutFilter").text();
    switch (mode.toUpperCase(Locale.ROOT)) {
      case "ON":
        return NightVisionMode.DAY;
      case "OFF":
        return NightVisionMode.NIGHT;
      case "AUTO":
        return NightVisionMode.AUTO;
      default:
        throw new ProtocolException("camera answer to GetImagingSettings has IrCutFilter \""
            + Text.printable(mode, 20) + "\", not ON, OFF or AUTO");
    }
  }

  static String irCut(NightVisionMode mode) {
    switch (mode) {
      case DAY:
        return "ON";
      case NIGHT:
        return "OFF";
      default:
        return "AUTO";
    }
  }

  // ------------------------------------------------------------------------------ events

  @Override
  public CameraEvents openEvents() {
    if (isClosed()) {
      throw closedException();
    }
    PullPointEvents stream = new PullPointEvents(this, transport, scheduler, clock, eventOptions, streams::remove);
    streams.add(stream);
    stream.start();
    return stream;
  }

  // ------------------------------------------------------------------------------ misc

  /** The base's message, with what this camera's profile does support (it varies from camera to camera). */
  @Override
  protected UnsupportedCommandException unsupported(CameraCommand<?> command) {
    CameraCapabilities now = capabilities;
    return new UnsupportedCommandException("camera '" + name() + "' (onvif) does not support " + describe(command)
        + "; supported: " + now.commandTypes().stream().map(Class::getSimpleName).sorted().toList()
        + (now.settings().isEmpty() ? "" : " with settings " + now.settings()));
  }

  /** What the transport makes of a failure that is not a homeport one (it maps ONVIF's I/O failures). */
  @Override
  protected HomeportException translate(Throwable failure) {
    return transport.translate(failure, "a command");
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  /** Refuses new requests and ends the event streams. */
  @Override
  protected void onClose(ClosedException reason) {
    transport.close();
    for (PullPointEvents stream : List.copyOf(streams)) {
      stream.close();
    }
    LOG.debug("camera {}: closed", name());
  }

  @Override
  public String toString() {
    return "OnvifCamera[" + name() + " " + transport.deviceService() + "]";
  }
}
