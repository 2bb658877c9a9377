package dev.homeport.domain.home;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A room of a location. Build with {@code ImmutableRoom.builder()}; immutable and thread-safe. */
@Value.Immutable
public interface Room {

  /** The room's id. */
  RoomId id();

  /** The location the room belongs to. */
  LocationId locationId();

  /** The name given by the user. */
  String name();

  /** The room's picture, as the service names it, when set. */
  Optional<String> backgroundImage();

  /** When the room was created, when reported. */
  Optional<Instant> created();

  /** When the room was last changed, when reported. */
  Optional<Instant> lastModified();

  /** Every other field the service reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
