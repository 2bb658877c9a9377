/**
 * The smart-home events port: a {@link dev.homeport.ports.home.SmartHomeGateway} opens
 * {@link dev.homeport.ports.home.SmartHomeSession}s that answer queries and stream pushed events.
 */
package dev.homeport.ports.home;
