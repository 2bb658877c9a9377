/**
 * Protocol simulators: real servers on loopback that speak a remote system's wire protocol from
 * the protocol notes, backed by the in-memory adapter, for tests, {@code homeport demo} and
 * {@code homeport simulate}. The shared HTTP(S) server base lives in {@link
 * dev.homeport.simulators.harness}; each brand adds only its decode and encode.
 */
package dev.homeport.simulators;
