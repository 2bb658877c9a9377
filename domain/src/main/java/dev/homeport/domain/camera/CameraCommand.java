package dev.homeport.domain.camera;

/**
 * Something a camera can be asked to do or tell, as data: a command can be validated, sent alone or
 * in a batch, logged, recorded and replayed. {@code R} is the type of its result ({@link Void} for
 * commands that only act).
 *
 * <p>Every command validates its fields when it is built, so an invalid command never reaches I/O.
 * Commands are immutable records and thread-safe.
 *
 * @param <R> the result type
 */
public sealed interface CameraCommand<R>
    permits GetCameraInfo,
        GetSetting,
        SetSetting,
        GoToPreset,
        SavePreset,
        Move,
        Stop,
        GetPosition,
        SetPosition,
        ListPresets,
        GetSdCardState,
        FormatSdCard,
        GetCloudInfo,
        GetTimeStatus,
        ListDetections,
        GetThumbnailLink,
        GetVodState,
        GetStreamUri,
        GetSnapshot,
        Reboot,
        Rename,
        GetLatestActivity,
        RawCommand {

  /**
   * Whether sending this command twice has the same effect as sending it once. Adapters retry only
   * idempotent commands; motion, formatting and raw commands are never sent twice.
   */
  default boolean idempotent() {
    return true;
  }
}
