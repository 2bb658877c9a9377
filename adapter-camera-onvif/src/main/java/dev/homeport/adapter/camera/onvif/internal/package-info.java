/**
 * Internal to the ONVIF adapter (SOAP codec, WS-Security, HTTP Digest, transport, pull points): not
 * an API, may change at any time.
 */
package dev.homeport.adapter.camera.onvif.internal;
