/**
 * The home model: users, locations, rooms and devices, and the messages a smart home pushes
 * (device events and the other kinds).
 *
 * <p>Every type here is an immutable value, safe to share between threads. Invalid values are
 * refused when the value is built: constructors, factories and builders' {@code build()} throw
 * {@link IllegalArgumentException} naming the field and what is allowed; an Immutables builder's
 * {@code build()} throws {@link IllegalStateException} when a required attribute is missing.
 */
@HomeportStyle
package dev.homeport.domain.home;

import dev.homeport.domain.HomeportStyle;
