package dev.homeport.domain.camera;

/** Sensitivity of motion or sound detection. */
public enum Sensitivity {
  LOW,
  MEDIUM,
  HIGH
}
