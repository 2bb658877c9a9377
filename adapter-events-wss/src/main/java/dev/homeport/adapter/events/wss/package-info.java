/**
 * SmartThings real-time device events over the web app's WebSocket (Socket.IO 2 / Engine.IO 3):
 * configure with {@link dev.homeport.adapter.events.wss.SmartThingsConfig}, then install
 * {@link dev.homeport.adapter.events.wss.SmartThingsEventsModule} or call
 * {@link dev.homeport.adapter.events.wss.SmartThingsGateway#create}.
 */
@HomeportStyle
package dev.homeport.adapter.events.wss;

import dev.homeport.domain.HomeportStyle;
