/**
 * The MQTT bridge: puts cameras and smart-home events on an MQTT broker the way Home Assistant and
 * zigbee2mqtt users expect (retained state, commands, availability with last wills, discovery),
 * and runs rules across the ports. It sees the ports only, so every adapter works through it.
 */
@HomeportStyle
package dev.homeport.bridge;

import dev.homeport.domain.HomeportStyle;
