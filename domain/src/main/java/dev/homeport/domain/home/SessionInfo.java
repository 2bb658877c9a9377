package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;
import java.time.Duration;

/**
 * What authenticating a smart-home session told us.
 *
 * @param userId the authenticated user
 * @param sessionLength how long the session lasts from authentication
 * @param stayLoggedIn whether "keep me signed in" extends it
 */
public record SessionInfo(UserId userId, Duration sessionLength, boolean stayLoggedIn) {

  public SessionInfo {
    Checks.required("userId", userId);
    Checks.required("sessionLength", sessionLength);
    if (sessionLength.isNegative()) {
      throw new IllegalArgumentException("sessionLength must be zero or more, was " + sessionLength);
    }
  }
}
