package dev.homeport.ports.camera;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a camera supports: which command types, and which settings it can read and change. Build
 * with {@code ImmutableCameraCapabilities.builder()} or start from {@link #all()}.
 */
@Value.Immutable
public interface CameraCapabilities {

  /** Every command type of the domain and every setting. */
  static CameraCapabilities all() {
    @SuppressWarnings("unchecked")
    Class<? extends CameraCommand<?>>[] types =
        (Class<? extends CameraCommand<?>>[]) CameraCommand.class.getPermittedSubclasses();
    return ImmutableCameraCapabilities.builder()
        .addCommandTypes(types)
        .addAllSettings(Setting.all())
        .build();
  }

  /**
   * Capabilities from plain class literals, which generic command types such as
   * {@code GetSetting.class} need (their literals cannot be typed {@code Class<CameraCommand<?>>}).
   *
   * @throws IllegalArgumentException if a class is not a {@link CameraCommand} type
   */
  static CameraCapabilities of(Set<? extends Class<?>> commandTypes, Set<? extends Setting<?>> settings) {
    ImmutableCameraCapabilities.Builder builder = ImmutableCameraCapabilities.builder();
    for (Class<?> type : commandTypes) {
      if (!CameraCommand.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(
            "command types must implement CameraCommand, was " + type.getName());
      }
      @SuppressWarnings("unchecked")
      Class<? extends CameraCommand<?>> commandType = (Class<? extends CameraCommand<?>>) type;
      builder.addCommandTypes(commandType);
    }
    return builder.addAllSettings(settings).build();
  }

  /** The command types supported. */
  Set<Class<? extends CameraCommand<?>>> commandTypes();

  /** The settings that can be read and changed. */
  Set<Setting<?>> settings();

  /** Whether the camera serves live video and audio through {@link Camera#stream()} (default false). */
  @Value.Default
  default boolean liveStream() {
    return false;
  }

  /** Whether the camera takes sound for its speaker through {@link Camera#talk()} (default false). */
  @Value.Default
  default boolean talk() {
    return false;
  }

  /** Whether {@code command} is supported: its type, and for settings the setting too. */
  default boolean supports(CameraCommand<?> command) {
    if (!commandTypes().contains(command.getClass())) {
      return false;
    }
    if (command instanceof GetSetting<?> get) {
      return settings().contains(get.setting());
    }
    if (command instanceof SetSetting<?> set) {
      return settings().contains(set.setting());
    }
    return true;
  }
}
