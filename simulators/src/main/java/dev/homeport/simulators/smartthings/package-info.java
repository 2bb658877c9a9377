/**
 * A SmartThings-like real-time server for tests and demos: Socket.IO 2 / Engine.IO 3 over TLS on
 * loopback with Feathers-style services, written from the protocol notes, with fault injection.
 */
package dev.homeport.simulators.smartthings;
