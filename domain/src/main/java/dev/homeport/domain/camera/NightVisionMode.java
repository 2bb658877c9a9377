package dev.homeport.domain.camera;

/** Infrared night vision: automatic, always off ({@code DAY}) or always on ({@code NIGHT}). */
public enum NightVisionMode {
  AUTO,
  DAY,
  NIGHT
}
