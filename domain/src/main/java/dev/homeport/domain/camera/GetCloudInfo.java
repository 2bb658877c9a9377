package dev.homeport.domain.camera;

/** Reads the camera's connection to the vendor cloud. */
public record GetCloudInfo() implements CameraCommand<CloudInfo> {}
