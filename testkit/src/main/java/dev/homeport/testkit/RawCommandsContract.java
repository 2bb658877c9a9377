package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.UnsupportedCommandException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on raw commands: unknown raw methods fail as unsupported; a known raw command makes the round
 * trip with its parameters and answer.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface RawCommandsContract extends CameraContractSupport {

  @Test
  @DisplayName("an unknown raw method fails with UnsupportedCommandException")
  default void unknownRawMethod_failsUnsupported() {
    RawCommand unknown = fixture().unknownRawCommand();
    HomeportException failure = failureOf(camera().execute(unknown));
    assertThat(failure).isInstanceOf(UnsupportedCommandException.class);
    assertThat(failure.retryable()).isFalse();
  }

  @Test
  @DisplayName("a raw command the backend knows makes the round trip with its parameters and answer")
  default void knownRawCommand_roundTrip() {
    RawCommand query =
        knownRawQuery()
            .orElseGet(() -> Assumptions.abort("knownRawQuery() is not overridden: no raw command to try"));
    assumeSupported(query);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("level", 3);
    nested.put("tags", List.of("a", "b"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("contract", "homeport");
    answer.put("volume", 42);
    answer.put("enabled", true);
    answer.put("nested", nested);
    FieldMap answerFields = FieldMap.of(answer);
    List<FieldMap> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    backend().onRaw(query.operation(), params -> {
      received.add(params);
      return answerFields;
    });

    FieldMap result = ok(query);

    for (Map.Entry<String, Object> field : answer.entrySet()) {
      assertThat(PlainValues.normalize(result.get(field.getKey()).orElse(null)))
          .as("answer field %s", field.getKey())
          .isEqualTo(PlainValues.normalize(answerFields.get(field.getKey()).orElse(null)));
    }
    assertThat(received).as("parameters the backend received").hasSize(1);
    assertThat(PlainValues.normalize(received.get(0))).isEqualTo(PlainValues.normalize(query.params()));
  }
}
