package dev.homeport.domain.home;

/**
 * Something a smart home pushes without being asked: a device event, or one of the other kinds.
 * Anything not understood arrives as {@link UnknownMessage}, never as an error.
 */
public sealed interface PushedMessage
    permits DeviceEvent, SubscriptionStateChange, ControlMessage, AlertMessage, UnknownMessage {}
