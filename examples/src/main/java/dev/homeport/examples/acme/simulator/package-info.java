/**
 * A simulator of the acme protocol on the test kit's harness, backed by an in-memory camera;
 * written from the protocol description in {@link dev.homeport.examples.acme}, not from the
 * client's codec.
 */
package dev.homeport.examples.acme.simulator;
