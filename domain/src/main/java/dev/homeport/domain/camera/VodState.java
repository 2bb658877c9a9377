package dev.homeport.domain.camera;

/**
 * Whether a video-on-demand player is busy.
 *
 * @param playerId the player asked about
 * @param occupied whether it is in use
 */
public record VodState(String playerId, boolean occupied) {

  public VodState {
    dev.homeport.domain.internal.Checks.notBlank("playerId", playerId);
  }
}
