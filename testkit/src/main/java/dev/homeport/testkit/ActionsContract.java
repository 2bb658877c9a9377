package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.UnsupportedCommandException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The camera contract on actions: going to and saving presets, pan/tilt moves and stop, absolute positions, formatting the SD card.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface ActionsContract extends CameraContractSupport {

  @ParameterizedTest(name = "preset {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  @DisplayName("going to a preset sends that preset and moves to where the backend saved it")
  default void goToPreset_reachesTheBackendWithItsIndex(int preset) {
    assumeSupported(new GoToPreset(preset));
    ok(SetPosition.of(Position.MAX, Position.MAX));
    assertThat(ok(new GoToPreset(preset))).isNull();
    assertThat(backend().executedCommands()).last().isEqualTo(new GoToPreset(preset));
    assertThat(backend().peekPosition()).isNotEqualTo(new Position(Position.MAX, Position.MAX));
    assertThat(backend().isMoving()).isFalse();
  }

  @Test
  @DisplayName("saving a preset stores the current position under the token it answers, which listing shows and going to reaches")
  default void savePreset_thenGoToIt_returnsToTheSavedPosition() {
    assumeSupported(new SavePreset("Contract"), new ListPresets(), new GoToPreset(1), SetPosition.of(1, 1));
    ok(SetPosition.of(1234, 8765));

    String token = ok(new SavePreset("Contract"));

    assertThat(backend().executedCommands()).last().isEqualTo(new SavePreset("Contract"));
    List<Preset> listed = ok(new ListPresets());
    assertThat(listed).contains(new Preset(token, "Contract")).containsExactlyElementsOf(truth(new ListPresets()));
    ok(SetPosition.of(0, 0));
    ok(new GoToPreset(token));
    assertThat(backend().peekPosition()).isEqualTo(new Position(1234, 8765));
  }

  @Test
  @DisplayName("saving an unnamed preset answers a token no earlier preset has")
  default void savePreset_unnamed_answersANewToken() {
    assumeSupported(new SavePreset(), new ListPresets());
    List<String> before = ok(new ListPresets()).stream().map(Preset::token).toList();

    String token = ok(new SavePreset());

    assertThat(before).doesNotContain(token);
    assertThat(ok(new ListPresets()).stream().map(Preset::token).toList()).contains(token);
  }

  @Test
  @DisplayName("a camera that cannot save presets refuses it as unsupported, sending nothing")
  default void savePreset_withoutTheCapability_isRefusedAsUnsupported() {
    if (camera().capabilities().supports(new SavePreset())) {
      Assumptions.abort("the camera saves presets (see capabilities())");
    }
    int before = executedCount();

    HomeportException failure = failureOf(camera().execute(new SavePreset("Contract")));

    assertThat(failure).isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("SavePreset");
    assertThat(executedCount()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Direction.class)
  @DisplayName("moving sends the direction and speed, and stop ends the motion")
  default void move_thenStop_reachTheBackend(Direction direction) {
    assumeSupported(new Move(direction, 1));
    ok(SetPosition.of(5000, 5000));
    for (int speed : new int[] {1, 10}) {
      assertThat(ok(new Move(direction, speed))).isNull();
      assertThat(backend().executedCommands()).last().isEqualTo(new Move(direction, speed));
      assertThat(backend().isMoving()).as("moving after Move").isTrue();
      assertThat(ok(new Stop())).isNull();
      assertThat(backend().executedCommands()).last().isEqualTo(new Stop());
      assertThat(backend().isMoving()).as("moving after Stop").isFalse();
    }
    Position after = backend().peekPosition();
    String word = direction.word();
    if (word.contains("left")) {
      assertThat(after.x()).isLessThan(5000);
    }
    if (word.contains("right")) {
      assertThat(after.x()).isGreaterThan(5000);
    }
    if (word.startsWith("up")) {
      assertThat(after.y()).isGreaterThan(5000);
    }
    if (word.startsWith("down")) {
      assertThat(after.y()).isLessThan(5000);
    }
    assertThat(ok(new GetPosition())).isEqualTo(after);
  }

  @Test
  @DisplayName("setting the position moves the backend there, and reading it reports it")
  default void setPosition_thenGetPosition_roundTrip() {
    assumeSupported(SetPosition.of(1, 1));
    assertThat(ok(SetPosition.of(1234, 8765))).isNull();
    assertThat(backend().peekPosition()).isEqualTo(new Position(1234, 8765));
    assertThat(ok(new GetPosition())).isEqualTo(new Position(1234, 8765));
    ok(SetPosition.of(0, Position.MAX));
    assertThat(ok(new GetPosition())).isEqualTo(new Position(0, Position.MAX));
  }

  @Test
  @DisplayName("formatting the SD card erases the recorded detections")
  default void formatSdCard_erasesDetections() {
    assumeSupported(new FormatSdCard());
    backend().addDetection(ImmutableDetectionEvent.builder().start(T0).kind("motion").build());
    assertThat(ok(new FormatSdCard())).isNull();
    assertThat(backend().detections()).isEmpty();
    assertThat(backend().executedCommands()).last().isEqualTo(new FormatSdCard());
  }
}
