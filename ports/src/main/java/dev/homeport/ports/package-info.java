/**
 * The ports of homeport and their one exception hierarchy: {@link dev.homeport.ports.HomeportException}
 * is the unchecked root; {@link dev.homeport.ports.TransportException} means "could not reach or
 * understand the other side", {@link dev.homeport.ports.RefusedException} means "the other side said
 * no". Every exception says whether trying again may help ({@code retryable()}). Exceptions are
 * safe to pass between threads once thrown; their messages never contain secrets.
 */
package dev.homeport.ports;
