/** Internal: not API, may change without notice. Wire codec, Feathers calls and session machinery of the SmartThings adapter. */
package dev.homeport.adapter.events.wss.internal;
