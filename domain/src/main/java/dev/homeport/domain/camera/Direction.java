package dev.homeport.domain.camera;

/** A pan/tilt direction. */
public enum Direction {
  LEFT,
  RIGHT,
  UP,
  DOWN
}
