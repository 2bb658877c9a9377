/** The bridge's internals (MQTT link, topics, discovery payloads, camera and home nodes, rules); not API. */
package dev.homeport.bridge.internal;
