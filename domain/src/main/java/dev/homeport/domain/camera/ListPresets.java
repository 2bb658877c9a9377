package dev.homeport.domain.camera;

import java.util.List;

/** Lists the saved preset positions. */
public record ListPresets() implements CameraCommand<List<Preset>> {}
