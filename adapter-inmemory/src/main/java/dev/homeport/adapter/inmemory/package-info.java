/**
 * In-memory adapters: a faithful fake camera and a faithful fake smart home, with fault switches,
 * for contract tests, simulators and demos that need no hardware.
 */
package dev.homeport.adapter.inmemory;
