/**
 * Support for adapter authors: a bounded, demand-honouring multi-subscriber
 * {@link java.util.concurrent.Flow.Publisher} with a per-subscriber overflow policy.
 */
package dev.homeport.ports.flow;
