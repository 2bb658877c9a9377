/**
 * What adapters share without depending on each other: one duration parser, certificate
 * fingerprints and pins, TLS trust modes with a known-hosts store, and FieldMap/JSON bridging.
 */
package dev.homeport.support;
