package dev.homeport.domain.camera;

import java.net.URI;

/**
 * Reads the address of the camera's live stream, e.g. {@code rtsp://192.168.1.20:554/stream1}. The
 * address may carry no credentials; players log in with the camera's user name and password.
 */
public record GetStreamUri() implements CameraCommand<URI> {}
