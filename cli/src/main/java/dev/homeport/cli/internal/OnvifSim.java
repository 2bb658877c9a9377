package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code homeport simulate camera --brand onvif}: the ONVIF simulator with a Tapo-like garden camera. */
final class OnvifSim {

  private OnvifSim() {}

  static void start(int wanted, Output out, List<AutoCloseable> resources) {
    InMemoryCamera backend = InMemoryCamera.builder().name("garden")
        .capabilities(CameraCapabilities.of(Set.of(GetCameraInfo.class, GetSetting.class, SetSetting.class,
            Move.class, Stop.class, GetPosition.class, SetPosition.class, ListPresets.class, GoToPreset.class,
            dev.homeport.domain.camera.SavePreset.class,
            GetStreamUri.class, GetSnapshot.class, dev.homeport.domain.camera.Reboot.class),
            Set.of(Setting.NIGHT_VISION)))
        .position(new Position(5000, 5000))
        .preset(1, "Gate", new Position(2500, 5000))
        .preset(2, "Terrace", new Position(7500, 4000))
        .streamUri(URI.create("rtsp://127.0.0.1:554/stream1"))
        .build();
    resources.add(backend);
    OnvifCameraSimulator simulator;
    try {
      simulator = OnvifCameraSimulator.builder().backend(backend).port(wanted).start();
    } catch (IllegalStateException e) {
      throw new UsageException(e.getMessage() + "; choose another --port", e);
    }
    resources.add(simulator);
    simulator.motionEvery(Duration.ofSeconds(10));
    List<String> text = new java.util.ArrayList<>();
    text.add("ONVIF camera simulator listening on " + simulator.deviceServiceUrl());
    text.add("  username     " + simulator.username());
    text.add("  password     " + simulator.password() + "   (a simulator credential)");
    text.add("  motion       toggles every 10 s (pull-point events)");
    text.add("Try:");
    text.add("  export HOMEPORT_CAMERA_PASSWORD='" + simulator.password() + "'");
    text.add("  ./homeport camera --brand onvif --host " + simulator.host() + " --port " + simulator.port()
        + " --username " + simulator.username() + " info");
    com.fasterxml.jackson.databind.node.ObjectNode json = JsonViews.NODES.objectNode();
    json.put("url", simulator.deviceServiceUrl().toString());
    json.put("host", simulator.host());
    json.put("port", simulator.port());
    json.put("brand", "onvif");
    json.put("username", simulator.username());
    json.put("password", simulator.password());
    SimulateCli.announce(out, text, json);
  }
}
