/** TLS material made in-process for the simulators: self-signed certificates and their contexts. */
package dev.homeport.simulators.tls;
