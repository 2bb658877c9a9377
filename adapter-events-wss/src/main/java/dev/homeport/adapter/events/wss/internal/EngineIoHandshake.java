package dev.homeport.adapter.events.wss.internal;

import java.time.Duration;

/** The payload of the Engine.IO open packet: session id and the server's ping parameters. */
public record EngineIoHandshake(String sid, Duration pingInterval, Duration pingTimeout) {}
