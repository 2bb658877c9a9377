/**
 * The contract suites every adapter runs ({@link dev.homeport.testkit.CameraContract},
 * {@link dev.homeport.testkit.SmartHomeContract}), their fixtures, and test helpers for adapter authors.
 */
package dev.homeport.testkit;
