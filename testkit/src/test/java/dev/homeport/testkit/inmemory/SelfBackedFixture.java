package dev.homeport.testkit.inmemory;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.ports.camera.Camera;
import dev.homeport.testkit.CameraFixture;
import java.time.Duration;

/** The fixture of an in-memory camera: it is both the camera under test and its own backend. */
record SelfBackedFixture(InMemoryCamera backend, Duration requestTimeout) implements CameraFixture {

  @Override
  public Camera camera() {
    return backend;
  }

  @Override
  public void close() {
    backend.close();
  }
}
