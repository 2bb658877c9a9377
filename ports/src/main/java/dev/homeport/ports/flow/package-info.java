/**
 * Support for adapter authors: bounded, demand-honouring multi-subscriber
 * {@link java.util.concurrent.Flow.Publisher}s with a per-subscriber overflow policy, one of them
 * replaying the latest item to new subscribers (for lifecycle states).
 */
package dev.homeport.ports.flow;
