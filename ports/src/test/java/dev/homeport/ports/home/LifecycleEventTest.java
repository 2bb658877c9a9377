package dev.homeport.ports.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleEventTest {

  @Test
  void of_hasNoGapNotice() {
    LifecycleEvent event = LifecycleEvent.of(SessionState.AUTHENTICATED, Instant.EPOCH, "ok");
    assertThat(event.eventsMayBeMissing()).isFalse();
    assertThat(event.state()).isEqualTo(SessionState.AUTHENTICATED);
  }

  @Test
  void missingFields_areRefused() {
    assertThatThrownBy(() -> LifecycleEvent.of(null, Instant.EPOCH, "")).hasMessage("state");
    assertThatThrownBy(() -> LifecycleEvent.of(SessionState.CLOSED, null, "")).hasMessage("time");
    assertThatThrownBy(() -> LifecycleEvent.of(SessionState.CLOSED, Instant.EPOCH, null)).hasMessage("detail");
  }
}
