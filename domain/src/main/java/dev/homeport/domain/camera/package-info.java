/**
 * The camera model: settings keyed by typed {@link dev.homeport.domain.camera.Setting} constants,
 * actions and queries as {@link dev.homeport.domain.camera.CameraCommand} values, and their results.
 */
@HomeportStyle
package dev.homeport.domain.camera;

import dev.homeport.domain.HomeportStyle;
