package dev.homeport.domain.camera;

import java.net.URI;

/** Reads the link to the latest thumbnail the camera made. */
public record GetThumbnailLink() implements CameraCommand<URI> {}
