/**
 * The {@code onvif} camera brand: {@link dev.homeport.adapter.camera.onvif.OnvifCameraDriver} and its
 * Guice wiring {@link dev.homeport.adapter.camera.onvif.OnvifCameraModule}.
 */
@HomeportStyle
package dev.homeport.adapter.camera.onvif;

import dev.homeport.domain.HomeportStyle;
