package dev.homeport.domain.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.FieldMap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands and camera values refuse invalid input when built, naming the field and the range. */
class CommandValidationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "tab\tinside", "new\nline"})
  void blankOrControlPresetToken_isRefusedNamingFieldAndRule(String token) {
    assertThatThrownBy(() -> new GoToPreset(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preset must be 1..64 characters, not blank, without control characters, was \"");
  }

  @Test
  void presetTokenLongerThanSixtyFour_isRefused() {
    assertThatThrownBy(() -> new GoToPreset("p".repeat(65))).hasMessageStartingWith("preset must be 1..64 characters");
    assertThat(new GoToPreset("p".repeat(64)).preset()).hasSize(64);
    assertThatThrownBy(() -> new GoToPreset((String) null)).hasMessageEndingWith("was null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "Preset_3", "000", "5"})
  void cameraChosenPresetTokens_areAccepted(String token) {
    assertThat(new GoToPreset(token).preset()).isEqualTo(token);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void numberedPresets_becomeDecimalTokens(int preset) {
    assertThat(new GoToPreset(preset)).isEqualTo(new GoToPreset(Integer.toString(preset)));
    assertThat(new Preset(preset, "x").token()).isEqualTo(Integer.toString(preset));
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "tab\tinside", "new\nline"})
  void blankOrControlPresetName_isRefusedNamingFieldAndRule(String name) {
    assertThatThrownBy(() -> new SavePreset(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preset name must be empty or 1..64 characters, not blank, without control characters, ");
  }

  @Test
  void presetNameLongerThanSixtyFour_isRefused_emptyAndSixtyFourAreAccepted() {
    assertThatThrownBy(() -> new SavePreset("n".repeat(65))).hasMessageEndingWith("was 65 characters");
    assertThatThrownBy(() -> new SavePreset(null)).hasMessageEndingWith("was null");
    assertThat(new SavePreset("n".repeat(64)).name()).hasSize(64);
    assertThat(new SavePreset().name()).isEmpty();
    assertThat(new SavePreset("Porte d'entrée").name()).isEqualTo("Porte d'entrée");
  }

  @Test
  void snapshotCapOutsideRange_isRefusedNamingField() {
    assertThatThrownBy(() -> new GetSnapshot(0)).hasMessage("maxBytes must be 1..67108864, was 0");
    assertThat(new GetSnapshot().maxBytes()).isEqualTo(GetSnapshot.DEFAULT_MAX_BYTES);
  }

  @Test
  void snapshot_copiesItsBytesAndHidesThemFromToString() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    Snapshot snapshot = new Snapshot("image/jpeg", jpeg);
    jpeg[0] = 0;
    assertThat(snapshot.bytes()[0]).isEqualTo((byte) 0xFF);
    snapshot.bytes()[1] = 0;
    assertThat(snapshot.bytes()[1]).isEqualTo((byte) 0xD8);
    assertThat(snapshot).hasToString("Snapshot[image/jpeg, 4 bytes]");
    assertThatThrownBy(() -> new Snapshot("image/jpeg", new byte[0])).hasMessage("bytes must not be empty");
  }

  @Test
  void cameraEventWithoutTopic_isRefusedNamingField() {
    assertThatThrownBy(() -> new CameraEvent("porch", CameraEvent.Kind.MOTION, " ", java.util.Optional.empty(), true, T0))
        .hasMessageStartingWith("topic must be a non-blank string");
    assertThatThrownBy(() -> new CameraEvent("porch", null, "motion", java.util.Optional.empty(), true, T0))
        .hasMessage("kind is required");
  }

  @Test
  void speedEleven_isRefusedNamingFieldAndRange() {
    assertThatThrownBy(() -> new Move(Direction.LEFT, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("speed must be 1..10, was 11");
  }

  @Test
  void speedZero_isRefusedNamingFieldAndRange() {
    assertThatThrownBy(() -> new Move(Direction.UP, 0)).hasMessage("speed must be 1..10, was 0");
  }

  @Test
  void moveWithoutDirection_isRefusedNamingField() {
    assertThatThrownBy(() -> new Move(null, 5)).hasMessage("direction is required");
  }

  @Test
  void speedsAtTheBounds_areAccepted() {
    assertThat(new Move(Direction.RIGHT, 1).speed()).isEqualTo(1);
    assertThat(new Move(Direction.DOWN, 10).speed()).isEqualTo(10);
  }

  @Test
  void detectionWindowWithStartEqualToEnd_isRefused() {
    assertThatThrownBy(() -> new ListDetections(T0, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start must be before end")
        .hasMessageContaining(T0.toString());
  }

  @Test
  void detectionWindowWithStartAfterEnd_isRefused() {
    assertThatThrownBy(() -> new ListDetections(T0.plusSeconds(1), T0))
        .hasMessageStartingWith("start must be before end");
  }

  @Test
  void detectionWindowWithoutStart_isRefusedNamingField() {
    assertThatThrownBy(() -> new ListDetections(null, T0)).hasMessage("start is required");
    assertThatThrownBy(() -> new ListDetections(T0, null)).hasMessage("end is required");
  }

  @Test
  void signedPositions_areAccepted_aMissingTargetIsRefused() {
    assertThat(SetPosition.of(-49, 237).target()).isEqualTo(new Position(-49, 237));
    assertThat(new Position(Integer.MIN_VALUE, Integer.MAX_VALUE).x()).isEqualTo(Integer.MIN_VALUE);
    assertThatThrownBy(() -> new SetPosition(null)).hasMessage("target is required");
  }

  @Test
  void presetValueWithBlankToken_isRefused() {
    assertThatThrownBy(() -> new Preset(" ", "x")).hasMessageStartingWith("preset must be 1..64 characters");
    assertThatThrownBy(() -> new Preset(1, null)).hasMessage("preset name is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "quote\"", "semi;colon"})
  void rawCommandWithBadOperationName_isRefusedNamingField(String operation) {
    assertThatThrownBy(() -> RawCommand.of(operation))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("operation must be 1..256 letters, digits, '.', '_', '-', '/' or ':'");
  }

  @Test
  void rawCommandWithNullOperationOrParams_isRefusedNamingField() {
    assertThatThrownBy(() -> RawCommand.of(null)).hasMessageStartingWith("operation must be");
    assertThatThrownBy(() -> new RawCommand("led.get", null)).hasMessage("params is required");
    assertThatThrownBy(() -> RawCommand.of("x".repeat(257))).hasMessageStartingWith("operation must be");
  }

  @Test
  void vodStateForBlankPlayer_isRefusedNamingField() {
    assertThatThrownBy(() -> new GetVodState(" ")).hasMessageStartingWith("playerId must be a non-blank string");
    assertThatThrownBy(() -> new VodState(null, true)).hasMessageStartingWith("playerId must be");
  }

  @Test
  void settingCommandsWithoutSetting_areRefused() {
    assertThatThrownBy(() -> new GetSetting<>(null)).hasMessage("setting is required");
    assertThatThrownBy(() -> SetSetting.of(null, true)).hasMessage("setting is required");
  }

  @Test
  void setSettingWithNullValue_isRefusedNamingSettingAndAllowedValues() {
    assertThatThrownBy(() -> SetSetting.of(Setting.POWER, null))
        .hasMessage("power value is required (on, off)");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void setSettingWithValueOfAnotherType_isRefused() {
    Setting raw = Setting.MOTION_SENSITIVITY;
    assertThatThrownBy(() -> new SetSetting(raw, "high"))
        .hasMessage("motion-sensitivity takes a Sensitivity (low, medium, high), was a String");
  }

  @Test
  void setSettingParse_readsTheTextForm() {
    assertThat(SetSetting.parse(Setting.NIGHT_VISION, "night").value()).isEqualTo(NightVisionMode.NIGHT);
    assertThatThrownBy(() -> SetSetting.parse(Setting.NIGHT_VISION, "dusk"))
        .hasMessageStartingWith("night-vision must be auto, day, night, was \"dusk\"");
  }

  @Test
  void triggerTimeAboveTenMinutes_isRefusedNamingPartAndRange() {
    assertThatThrownBy(() -> TriggerTime.ofMillis(600_001, 0))
        .hasMessage("trigger time day must be 0..600000 ms, was 600001 ms");
    assertThatThrownBy(() -> TriggerTime.ofMillis(0, -1))
        .hasMessage("trigger time night must be 0..600000 ms, was -1 ms");
    assertThatThrownBy(() -> new TriggerTime(null, Duration.ZERO)).hasMessage("trigger time day is required");
    assertThat(TriggerTime.ofMillis(0, 600_000).night()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void timeZoneWithBadOffsetOrArea_isRefused() {
    assertThatThrownBy(() -> new TimeZoneSetting("GMT-05:00", "America/New_York"))
        .hasMessageStartingWith("time zone offset must look like UTC-05:00");
    assertThatThrownBy(() -> new TimeZoneSetting("UTC+15:00", "America/New_York"))
        .hasMessageStartingWith("time zone offset");
    assertThatThrownBy(() -> new TimeZoneSetting("UTC-05:00", "Mars/Olympus"))
        .hasMessageStartingWith("time zone area must be a region");
  }

  @Test
  void timeZoneParse_acceptsBothForms() {
    TimeZoneSetting expected = new TimeZoneSetting("UTC-05:00", "America/New_York");
    assertThat(TimeZoneSetting.parse("UTC-05:00/America/New_York")).isEqualTo(expected);
    assertThat(TimeZoneSetting.parse("America/New_York@UTC-05:00")).isEqualTo(expected);
    assertThat(expected.text()).isEqualTo("UTC-05:00/America/New_York");
    assertThatThrownBy(() -> TimeZoneSetting.parse("New York"))
        .hasMessageStartingWith("time zone must be written UTC-05:00/America/New_York");
  }

  @Test
  void resolutionAndRotation_parseTheirWireForms() {
    assertThat(Resolution.parse("1920x1080")).isEqualTo(Resolution.P1080);
    assertThat(Resolution.parse("1080p")).isSameAs(Resolution.HD1080);
    assertThat(Resolution.parse(" 360P ").text()).isEqualTo("360P");
    assertThat(Resolution.P1440.text()).isEqualTo("2560x1440");
    assertThat(Resolution.parse("2K-Ultra").text()).isEqualTo("2K-Ultra");
    assertThat(Resolution.parse("2K-Ultra").isKnown()).isFalse();
    assertThat(Resolution.parse("640x480").width()).hasValue(640);
    assertThat(Resolution.HD720.height()).hasValue(720);
    assertThat(Resolution.HD720.width()).isEmpty();
    assertThatThrownBy(() -> Resolution.parse(""))
        .hasMessageStartingWith("resolution must be one of 1080P, 720P, 360P, 2560x1440, 1920x1080, 1280x720 or another");
    assertThatThrownBy(() -> Resolution.parse("x".repeat(Resolution.MAX_LENGTH + 1)))
        .hasMessageContaining("1..32");
    assertThat(Rotation.ofDegrees(180)).isEqualTo(Rotation.UPSIDE_DOWN);
    assertThatThrownBy(() -> Rotation.ofDegrees(90)).hasMessage("rotation must be 0 or 180 degrees, was 90");
  }

  @Test
  void detectionEventEndingBeforeItStarts_isRefused() {
    assertThatThrownBy(
            () ->
                ImmutableDetectionEvent.builder()
                    .start(T0)
                    .end(T0.minusSeconds(1))
                    .kind("motion")
                    .build())
        .hasMessageStartingWith("detection end must not be before start");
  }

  @Test
  void actionsThatMoveOrDestroy_areNotIdempotent_readsAre() {
    assertThat(new GoToPreset(1).idempotent()).isFalse();
    assertThat(new SavePreset().idempotent()).isFalse();
    assertThat(new Move(Direction.LEFT, 1).idempotent()).isFalse();
    assertThat(SetPosition.of(1, 1).idempotent()).isFalse();
    assertThat(new FormatSdCard().idempotent()).isFalse();
    assertThat(new RawCommand("m.n", FieldMap.empty()).idempotent()).isFalse();
    assertThat(new Stop().idempotent()).isTrue();
    assertThat(new GetCameraInfo().idempotent()).isTrue();
    assertThat(GetSetting.of(Setting.POWER).idempotent()).isTrue();
    assertThat(SetSetting.of(Setting.POWER, true).idempotent()).isTrue();
    assertThat(new ListDetections(T0, T0.plusSeconds(60)).idempotent()).isTrue();
  }

  @Test
  void cameraCommand_permitsExactlyTheTwentyThreeCommandTypes() {
    assertThat(CameraCommand.class.getPermittedSubclasses()).hasSize(23)
        .contains(GetStreamUri.class, GetSnapshot.class, Reboot.class, GoToPreset.class, SavePreset.class,
            RawCommand.class);
  }

  @Test
  void directions_areTheAppsEight_andParseUpDownAndTopBottomAlike() {
    assertThat(Direction.values()).hasSize(8);
    assertThat(Direction.parse("top")).isEqualTo(Direction.UP);
    assertThat(Direction.parse("UP")).isEqualTo(Direction.UP);
    assertThat(Direction.parse("bottom")).isEqualTo(Direction.DOWN);
    assertThat(Direction.parse("top left")).isEqualTo(Direction.UP_LEFT);
    assertThat(Direction.parse("bottom_right")).isEqualTo(Direction.DOWN_RIGHT);
    assertThat(Direction.parse("down-left")).isEqualTo(Direction.DOWN_LEFT);
    assertThat(Direction.UP_RIGHT.appWord()).isEqualTo("top-right");
    assertThat(Direction.UP_RIGHT.diagonal()).isTrue();
    assertThat(Direction.LEFT.diagonal()).isFalse();
    assertThatThrownBy(() -> Direction.parse("sideways"))
        .hasMessageStartingWith("direction must be one of left, right, up, down, up-left");
  }

  @Test
  void rebootIsNotIdempotent_renameChecksTheAlias() {
    assertThat(new Reboot().idempotent()).isFalse();
    assertThat(new Rename("Caméra du jardin").alias()).isEqualTo("Caméra du jardin");
    assertThat(new Rename("Porch").idempotent()).isTrue();
    assertThatThrownBy(() -> new Rename(" ")).hasMessage("alias must be non-blank, was \" \"");
    assertThatThrownBy(() -> new Rename("a".repeat(65))).hasMessage("alias must be 1..64 characters, was 65");
    assertThatThrownBy(() -> new Rename("a\nb")).hasMessage("alias must not contain control characters");
  }

  @Test
  void detectionEvent_mayLackEveryField_andKeepsWhatItHas() {
    DetectionEvent bare = ImmutableDetectionEvent.builder().build();
    assertThat(bare.start()).isEmpty();
    assertThat(bare.kind()).isEmpty();
  }
}
