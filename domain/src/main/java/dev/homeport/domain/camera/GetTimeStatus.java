package dev.homeport.domain.camera;

/** Reads the camera's full time status: clock and time zone. */
public record GetTimeStatus() implements CameraCommand<TimeStatus> {}
