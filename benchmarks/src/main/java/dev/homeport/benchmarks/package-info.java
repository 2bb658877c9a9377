/**
 * Internal: not API, may change without notice. JMH micro-benchmarks of the adapters' codecs and
 * end-to-end load runs against the simulators on loopback; figures and commands are in
 * BENCHMARKS.md at the repository root.
 */
package dev.homeport.benchmarks;
