/** Internal: not API, may change without notice. Validation helpers shared by the domain values. */
package dev.homeport.domain.internal;
