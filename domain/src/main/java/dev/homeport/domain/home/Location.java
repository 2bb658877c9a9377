package dev.homeport.domain.home;

import dev.homeport.domain.FieldMap;
import java.util.Optional;
import org.immutables.value.Value;

/** A place (a home) holding rooms and devices. Build with {@code ImmutableLocation.builder()}; immutable and thread-safe. */
@Value.Immutable
public interface Location {

  /** The location's id. */
  LocationId id();

  /** The name given by the user. */
  String name();

  /** The kind of the parent (e.g. {@code ACCOUNT}), when the location has one. */
  Optional<String> parentType();

  /** The parent's id, when the location has one. */
  Optional<String> parentId();

  /** Every other field the service reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
