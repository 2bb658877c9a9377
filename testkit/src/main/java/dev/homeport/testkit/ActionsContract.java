package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Stop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The camera contract on actions: presets, pan/tilt moves and stop, absolute positions, formatting the SD card.
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
    switch (direction) {
      case LEFT:
        assertThat(after.x()).isLessThan(5000);
        break;
      case RIGHT:
        assertThat(after.x()).isGreaterThan(5000);
        break;
      case UP:
        assertThat(after.y()).isGreaterThan(5000);
        break;
      default:
        assertThat(after.y()).isLessThan(5000);
        break;
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
