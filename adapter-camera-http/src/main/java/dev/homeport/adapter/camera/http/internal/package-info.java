/**
 * Internal: not API, may change without notice. The Kasa LINKIE codec, per-camera TLS trust, the
 * one-request-at-a-time HTTP transport and the mapping of domain commands to LINKIE modules.
 */
package dev.homeport.adapter.camera.http.internal;
