package dev.homeport.domain.home;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The account holder. Build with {@code ImmutableUser.builder()}; immutable and thread-safe. */
@Value.Immutable
public interface User {

  /** The user's unique id. */
  UserId id();

  /** The login name (principal). */
  String userName();

  /** The user's full name, when reported. */
  Optional<String> fullName();

  /** The user's e-mail address, when reported. */
  Optional<String> email();

  /** The user's country code, when reported. */
  Optional<String> countryCode();

  /** The scopes the session grants. */
  List<String> scopes();

  /** When the user's token expires, when known. */
  Optional<Instant> expiresAt();

  /** Every other field the service reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
