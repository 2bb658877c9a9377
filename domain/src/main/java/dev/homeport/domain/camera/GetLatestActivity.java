package dev.homeport.domain.camera;

/**
 * Reads what the camera last detected. Cameras do not push motion on the local network; clients
 * poll this (Kasa: sysinfo {@code last_activity_timestamp} and {@code a_type}, plus the detection
 * event states on models that have them).
 */
public record GetLatestActivity() implements CameraCommand<LatestActivity> {}
