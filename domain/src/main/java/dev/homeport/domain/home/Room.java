package dev.homeport.domain.home;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A room of a location. Build with {@code ImmutableRoom.builder()}. */
@Value.Immutable
public interface Room {

  RoomId id();

  LocationId locationId();

  String name();

  Optional<String> backgroundImage();

  Optional<Instant> created();

  Optional<Instant> lastModified();

  /** Every other field the service reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
