/** Internal: not API, may change without notice. The command tree, output, configuration and wiring of the CLI. */
package dev.homeport.cli.internal;
