package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

  @Test
  void aRepeatInsideTheWindow_isADuplicate_andOneThatLeftIsNewAgain() {
    RecentIds<String> recent = new RecentIds<>(2);
    List<Boolean> answers = new ArrayList<>();
    for (String id : List.of("a", "b", "a", "c", "a", "b")) {
      answers.add(recent.add(id));
    }
    // "a" is still among the last two at its first repeat; once "c" came it had left
    assertThat(answers).containsExactly(true, true, false, true, true, true);
  }

  @Test
  void equalButDistinctIds_areDuplicates() {
    RecentIds<String> recent = new RecentIds<>(4);
    recent.add(new String("id-1"));
    assertThat(recent.add(new String("id-1"))).isFalse();
  }

  @Test
  void zeroCapacity_remembersNothing() {
    RecentIds<String> recent = new RecentIds<>(0);
    recent.add("a");
    assertThat(recent.add("a")).isTrue();
    assertThat(recent.size()).isZero();
  }

  @Test
  void negativeCapacity_isRefusedNamingTheField() {
    assertThatThrownBy(() -> new RecentIds<>(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }
}
