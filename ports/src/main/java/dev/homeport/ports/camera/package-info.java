/**
 * The camera port ({@link dev.homeport.ports.camera.Camera}) and the brand SPI
 * ({@link dev.homeport.ports.camera.CameraDriver}) through which new camera brands plug in.
 */
@HomeportStyle
package dev.homeport.ports.camera;

import dev.homeport.domain.HomeportStyle;
