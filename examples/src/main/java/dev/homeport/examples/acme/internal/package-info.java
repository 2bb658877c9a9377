/** The acme brand's internals (its camera and wire mapping); not API. */
package dev.homeport.examples.acme.internal;
