/** Worked examples for people extending homeport; see the README's "Adding a camera brand". */
package dev.homeport.examples;
