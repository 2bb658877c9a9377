/**
 * The Kasa camera adapter: controls TP-Link Kasa cameras on the local network over their HTTPS
 * LINKIE endpoint; its public surface is {@link dev.homeport.adapter.camera.http.KasaCameraDriver},
 * {@link dev.homeport.adapter.camera.http.KasaCameraConfig} and
 * {@link dev.homeport.adapter.camera.http.KasaCameraModule}.
 */
@HomeportStyle
package dev.homeport.adapter.camera.http;

import dev.homeport.domain.HomeportStyle;
