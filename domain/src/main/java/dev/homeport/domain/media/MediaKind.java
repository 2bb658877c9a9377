package dev.homeport.domain.media;

/** Whether a frame is picture or sound. */
public enum MediaKind {
  /** Picture. */
  VIDEO,
  /** Sound. */
  AUDIO
}
