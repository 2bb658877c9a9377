/**
 * A simulated ONVIF camera on the simulator harness, written from the protocol notes (its XML on
 * the JDK's DOM, independent of the client's StAX codec) and backed by an in-memory camera.
 */
package dev.homeport.simulators.onvif;
