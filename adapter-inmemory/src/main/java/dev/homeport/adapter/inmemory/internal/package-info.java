/** Internal: not API, may change without notice. */
package dev.homeport.adapter.inmemory.internal;
