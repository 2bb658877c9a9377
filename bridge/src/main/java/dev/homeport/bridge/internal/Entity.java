package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Home Assistant entity: its component, discovery topic and configuration payload.
 *
 * @param component e.g. {@code switch}
 * @param topic {@code <prefix>/<component>/<node_id>/<object_id>/config}
 * @param config the payload
 */
public record Entity(String component, String topic, ObjectNode config) {}
