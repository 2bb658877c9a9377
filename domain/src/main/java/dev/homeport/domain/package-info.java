/**
 * The pure homeport domain: values shared by every port and adapter, with no framework, no JSON and
 * no I/O.
 *
 * <p>Conventions: values with several or optional fields are Immutables types annotated with
 * {@link dev.homeport.domain.HomeportStyle} and built with {@code ImmutableX.builder()}; commands,
 * identifiers and small tuples are records validated in their constructors. Invalid values are
 * refused when built, with an {@link IllegalArgumentException} naming the field and what is allowed.
 */
package dev.homeport.domain;
