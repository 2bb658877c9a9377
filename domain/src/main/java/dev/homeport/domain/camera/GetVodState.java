package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Reads whether the video-on-demand player is occupied.
 *
 * @param playerId the player to ask about, non-blank
 */
public record GetVodState(String playerId) implements CameraCommand<VodState> {

  public GetVodState {
    Checks.notBlank("playerId", playerId);
  }
}
