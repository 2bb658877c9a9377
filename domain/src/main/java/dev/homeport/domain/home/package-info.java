/**
 * The home model: users, locations, rooms and devices, and the messages a smart home pushes
 * (device events and the other kinds).
 */
@HomeportStyle
package dev.homeport.domain.home;

import dev.homeport.domain.HomeportStyle;
