/**
 * The camera model: settings keyed by typed {@link dev.homeport.domain.camera.Setting} constants,
 * actions and queries as {@link dev.homeport.domain.camera.CameraCommand} values, and their results.
 *
 * <p>Every type here is an immutable value, safe to share between threads. Invalid values are
 * refused when the value is built: constructors, factories and builders' {@code build()} throw
 * {@link IllegalArgumentException} naming the field and what is allowed; an Immutables builder's
 * {@code build()} throws {@link IllegalStateException} when a required attribute is missing.
 */
@HomeportStyle
package dev.homeport.domain.camera;

import dev.homeport.domain.HomeportStyle;
