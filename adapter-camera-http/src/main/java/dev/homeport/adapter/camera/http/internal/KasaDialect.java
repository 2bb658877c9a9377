package dev.homeport.adapter.camera.http.internal;

/**
 * What one camera's firmware was seen to speak where models differ, learned from its answers and
 * kept for the camera's lifetime (never shared between cameras): the words of {@code ptz.set_move}
 * (the Kasa app's {@code top}/{@code bottom} or the seed's {@code up}/{@code down}), the module
 * holding continuous recording ({@code delivery} or {@code vod}), and the shape of the resolution
 * answer (a list of channels or a single string). Fields are volatile; races only cost one extra
 * fall-back. Thread-safe.
 */
public final class KasaDialect {

  /** The words a camera takes for up, down and the diagonals. */
  public enum MoveWords {
    /** {@code top}, {@code bottom}, {@code top left}... as the Kasa app sends (KC410S app build). */
    APP,
    /** {@code up}, {@code down} as the seed client sent (not confirmed on any device). */
    SEED
  }

  /** Where a camera keeps its continuous recording switch. */
  public enum Recording {
    /** {@code delivery.get/set_local_clip_is_enable} (the seed's notes). */
    DELIVERY,
    /** {@code vod.get/set_is_enable} (KC115). */
    VOD
  }

  private volatile MoveWords moveWords;
  private volatile boolean moveWordsKnown;
  private volatile Recording recording;
  private volatile boolean recordingKnown;
  private volatile Boolean resolutionAsList;

  /** A dialect that starts from the real firmware's forms and learns. */
  public KasaDialect() {
    this(MoveWords.APP, false, Recording.DELIVERY, false);
  }

  private KasaDialect(MoveWords moveWords, boolean moveWordsKnown, Recording recording, boolean recordingKnown) {
    this.moveWords = moveWords;
    this.moveWordsKnown = moveWordsKnown;
    this.recording = recording;
    this.recordingKnown = recordingKnown;
  }

  /** A dialect whose move words are fixed by configuration (no fall-back to the other words). */
  public static KasaDialect withMoveWords(MoveWords words) {
    return new KasaDialect(words, true, Recording.DELIVERY, false);
  }

  MoveWords moveWords() {
    return moveWords;
  }

  boolean moveWordsKnown() {
    return moveWordsKnown;
  }

  void moveWordsWork(MoveWords words) {
    moveWords = words;
    moveWordsKnown = true;
  }

  Recording recording() {
    return recording;
  }

  boolean recordingKnown() {
    return recordingKnown;
  }

  void recordingWorks(Recording where) {
    recording = where;
    recordingKnown = true;
  }

  /** True, false, or null while no resolution answer was seen. */
  Boolean resolutionAsList() {
    return resolutionAsList;
  }

  void resolutionSeen(boolean asList) {
    resolutionAsList = asList;
  }

  @Override
  public String toString() {
    return "KasaDialect[move " + moveWords + (moveWordsKnown ? "" : "?") + ", recording " + recording
        + (recordingKnown ? "" : "?") + ", resolution " + (resolutionAsList == null ? "?"
        : resolutionAsList ? "list" : "string") + "]";
  }
}
