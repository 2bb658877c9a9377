package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.ports.ProtocolException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What discovery found on one camera: service addresses and the chosen media profile.
 *
 * @param media the media service (Profile S)
 * @param ptz the PTZ service, when the camera has one
 * @param imaging the imaging service, when the camera has one
 * @param events the events service, when the camera has one
 * @param profiles every media profile, in the camera's order
 * @param profile the profile commands use
 */
public record OnvifServices(URI media, Optional<URI> ptz, Optional<URI> imaging, Optional<URI> events,
    List<Profile> profiles, Profile profile) {

  /**
   * One media profile.
   *
   * @param token its token
   * @param name its name
   * @param videoSource the video source token its video source configuration names (for imaging)
   * @param ptzConfiguration the PTZ configuration token, when the profile can pan and tilt
   */
  public record Profile(String token, String name, Optional<String> videoSource, Optional<String> ptzConfiguration) {}

  /** Whether pan/tilt commands can be sent. */
  public boolean hasPtz() {
    return ptz.isPresent() && profile.ptzConfiguration().isPresent();
  }

  /** Whether night vision can be read and changed. */
  public boolean hasImaging() {
    return imaging.isPresent() && profile.videoSource().isPresent();
  }

  /** The PTZ address, or a refusal naming why there is none. */
  URI requirePtz() {
    return ptz.orElseThrow(() -> new ProtocolException("no PTZ service"));
  }

  /** An absolute service address resolved against the device service (some cameras give relative ones). */
  static URI resolve(URI device, String xaddr) {
    try {
      URI uri = device.resolve(xaddr.trim());
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new ProtocolException("camera gave a service address that is not http(s): "
            + Text.printable(xaddr, 120));
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("camera gave an invalid service address: " + Text.printable(xaddr, 120));
    }
  }
}
