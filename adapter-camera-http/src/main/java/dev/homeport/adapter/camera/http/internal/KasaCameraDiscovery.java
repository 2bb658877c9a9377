package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.DiscoveredCamera;
import dev.homeport.adapter.camera.http.KasaCameraDriver;
import dev.homeport.adapter.camera.http.KasaDiscovery;
import dev.homeport.ports.camera.CameraDiscovery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Kasa driver's brand-neutral {@link CameraDiscovery}: the UDP 9999 probe of
 * {@link KasaDiscovery}, its answers as {@link FoundCamera}s. Stateless and thread-safe.
 */
public final class KasaCameraDiscovery implements CameraDiscovery {

  @Override
  public List<FoundCamera> discover(Request request) {
    KasaDiscovery.Builder builder = KasaDiscovery.builder().timeout(request.timeout());
    request.targets().forEach(builder::target);
    if (request.broadcast()) {
      builder.broadcast(true);
    }
    return builder.build().discover().stream().map(KasaCameraDiscovery::found).toList();
  }

  private static FoundCamera found(DiscoveredCamera camera) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("type", camera.type());
    details.put("protocol", camera.protocol().name().toLowerCase(Locale.ROOT));
    camera.deviceName().ifPresent(name -> details.put("deviceName", name));
    camera.streamVersion().ifPresent(version -> details.put("streamVersion", Integer.toString(version)));
    return new FoundCamera(KasaCameraDriver.BRAND, camera.host(), camera.model(), camera.alias(),
        camera.deviceId(), details);
  }
}
