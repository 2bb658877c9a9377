package dev.homeport.ports.camera;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The camera drivers of a deployment, by brand id: found on the class path with {@link ServiceLoader}
 * ({@link #load()}), or given (e.g. the Guice {@code Set<CameraDriver>} the brand modules add to,
 * {@link #of(Collection)}). Two driver classes with one brand id are refused, naming both, rather
 * than one silently winning (the rule AWS SDK v2 applies to its HTTP service providers); two
 * instances of one class (found by ServiceLoader and bound by a Guice module) keep the first.
 * Brand ids are matched case-insensitively.
 *
 * <p>Immutable and thread-safe.
 */
public final class CameraDrivers {

  private final Map<String, CameraDriver> byBrand;

  private CameraDrivers(Map<String, CameraDriver> byBrand) {
    this.byBrand = byBrand;
  }

  /**
   * The drivers listed in {@code META-INF/services/dev.homeport.ports.camera.CameraDriver} on the
   * class path of this class's loader.
   *
   * @throws IllegalStateException if two drivers claim one brand id, or a listed driver cannot be
   *     created (naming it)
   */
  public static CameraDrivers load() {
    return load(CameraDrivers.class.getClassLoader());
  }

  /**
   * The drivers {@code loader} lists as services.
   *
   * @throws IllegalStateException if two drivers claim one brand id, or a listed driver cannot be
   *     created (naming it)
   */
  public static CameraDrivers load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    List<CameraDriver> found;
    try {
      found = ServiceLoader.load(CameraDriver.class, loader).stream().map(ServiceLoader.Provider::get).toList();
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("a camera driver could not be loaded: " + e.getMessage(), e);
    }
    return of(found);
  }

  /**
   * These drivers.
   *
   * @throws IllegalStateException if two driver classes claim one brand id (naming both)
   * @throws NullPointerException if a driver or its brand is null
   */
  public static CameraDrivers of(Collection<? extends CameraDriver> drivers) {
    Map<String, CameraDriver> byBrand = new TreeMap<>();
    for (CameraDriver driver : drivers) {
      Objects.requireNonNull(driver, "driver");
      String brand = key(Objects.requireNonNull(driver.brand(), () -> driver.getClass().getName() + ".brand()"));
      CameraDriver other = byBrand.putIfAbsent(brand, driver);
      if (other != null && other.getClass() != driver.getClass()) {
        throw new IllegalStateException("two camera drivers claim brand '" + brand + "': "
            + other.getClass().getName() + " and " + driver.getClass().getName()
            + "; keep only one of them on the class path");
      }
    }
    return new CameraDrivers(Map.copyOf(byBrand));
  }

  private static String key(String brand) {
    return brand.toLowerCase(Locale.ROOT);
  }

  /** The drivers, sorted by brand id. */
  public List<CameraDriver> drivers() {
    return brands().stream().map(byBrand::get).toList();
  }

  /** The brand ids, sorted. */
  public List<String> brands() {
    return byBrand.keySet().stream().sorted().toList();
  }

  /** The driver for {@code brand}, if any. */
  public Optional<CameraDriver> find(String brand) {
    return Optional.ofNullable(byBrand.get(key(Objects.requireNonNull(brand, "brand"))));
  }

  /**
   * The driver for {@code brand}.
   *
   * @throws IllegalArgumentException if there is none, naming the brands there are
   */
  public CameraDriver get(String brand) {
    return find(brand).orElseThrow(() -> new IllegalArgumentException("unknown camera brand '" + brand
        + "'; brands found: " + (byBrand.isEmpty() ? "none" : String.join(", ", brands()))));
  }

  /**
   * Connects {@code endpoint} with the driver of its brand; no I/O.
   *
   * @throws IllegalArgumentException for an unknown brand or options the driver refuses
   */
  public Camera connect(CameraEndpoint endpoint) {
    return get(endpoint.brand()).connect(endpoint);
  }

  @Override
  public String toString() {
    return "CameraDrivers" + brands();
  }
}
