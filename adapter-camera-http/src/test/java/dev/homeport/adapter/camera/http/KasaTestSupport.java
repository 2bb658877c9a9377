package dev.homeport.adapter.camera.http;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Shared helpers: a backend camera, a simulator around it, and adapter configs pointing at it. */
final class KasaTestSupport {

  static final KasaCameraDriver DRIVER = new KasaCameraDriver();

  private KasaTestSupport() {}

  /** A fresh backend camera for a simulator. */
  static InMemoryCamera backend() {
    return InMemoryCamera.builder().name("backend").build();
  }

  /**
   * A config for the simulator: TOFU with a known-hosts file in {@code dir}; time-outs that only
   * bound waits on a loaded machine (a test that needs one to fire sets a short one itself).
   */
  static ImmutableKasaCameraConfig.Builder config(KasaCameraSimulator sim, Path dir) {
    return ImmutableKasaCameraConfig.builder()
        .name("porch")
        .host(sim.host())
        .port(sim.port())
        .username(sim.username())
        .password(Secret.of(sim.password()))
        .knownHostsFile(dir.resolve("known_hosts"))
        .connectTimeout(Duration.ofSeconds(10))
        .requestTimeout(Duration.ofSeconds(10));
  }

  static Camera connect(KasaCameraSimulator sim, Path dir) {
    return DRIVER.connect(config(sim, dir).build());
  }

  /** The future's value, waiting at most 30 s (longer than the config's time-outs). */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new AssertionError(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("no result within 30 s", e);
    }
  }

  /** The failure the future completed with, waiting at most 30 s (longer than the config's time-outs). */
  static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("no result within 30 s", e);
    }
    throw new AssertionError("expected a failure, got a value");
  }
}
