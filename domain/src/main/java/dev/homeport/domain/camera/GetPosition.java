package dev.homeport.domain.camera;

/** Reads the current pan/tilt position. */
public record GetPosition() implements CameraCommand<Position> {}
