package dev.homeport.ports.camera;

import dev.homeport.domain.camera.CameraCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Small drivers for the discovery tests; listed in this module's test META-INF/services. */
final class TestDrivers {

  private TestDrivers() {}

  /** The {@code alpha} brand, with one choice option. */
  public static final class Alpha implements CameraDriver {
    @Override
    public String brand() {
      return "alpha";
    }

    @Override
    public List<DriverOption> options() {
      return List.of(DriverOption.choice("mode", "How to talk.", "fast", "fast", "slow"),
          DriverOption.text("label", "A label.", "any text", null));
    }

    @Override
    public Camera connect(CameraEndpoint endpoint) {
      checkEndpoint(endpoint);
      return new AbstractCamera(endpoint.name()) {
        @Override
        public CameraCapabilities capabilities() {
          return CameraCapabilities.all();
        }

        @Override
        protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
          return CompletableFuture.completedFuture(null);
        }
      };
    }
  }

  /** Another class claiming {@code ALPHA} (brand ids are case-insensitive). */
  public static final class AlphaAgain implements CameraDriver {
    @Override
    public String brand() {
      return "ALPHA";
    }

    @Override
    public Camera connect(CameraEndpoint endpoint) {
      throw new UnsupportedOperationException();
    }
  }
}
