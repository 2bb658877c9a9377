/**
 * A TP-Link Kasa camera simulator speaking LINKIE over real HTTPS on loopback, backed by an
 * in-memory camera, with switches for the faults real cameras show.
 */
package dev.homeport.simulators.kasa;
