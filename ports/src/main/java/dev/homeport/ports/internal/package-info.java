/**
 * Not API: machinery the ports module's own publishers share ({@link
 * dev.homeport.ports.internal.SubscriberSlot}). Other modules must not use it.
 */
package dev.homeport.ports.internal;
