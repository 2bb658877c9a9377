package dev.homeport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  @Test
  void of_makesADeepCopy_laterChangesToTheSourceDoNotShow() {
    List<Object> list = new ArrayList<>(List.of("a", "b"));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("x", 1);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("list", list);
    source.put("nested", nested);
    source.put("text", "t");

    FieldMap map = FieldMap.of(source);
    list.add("c");
    nested.put("y", 2);
    source.put("extra", true);

    assertThat(map.size()).isEqualTo(3);
    assertThat(map.get("list")).contains(List.of("a", "b"));
    assertThat(map.get("nested")).contains(FieldMap.of("x", 1));
    assertThat(map.has("extra")).isFalse();
  }

  @Test
  void nestedMaps_becomeFieldMaps_andListsAreUnmodifiable() {
    FieldMap map = FieldMap.of("outer", Map.of("inner", List.of(Map.of("deep", 1L))));
    Object outer = map.get("outer").orElseThrow();
    assertThat(outer).isInstanceOf(FieldMap.class);
    Object inner = ((FieldMap) outer).get("inner").orElseThrow();
    assertThat(inner).isInstanceOf(List.class);
    assertThat(((List<?>) inner).get(0)).isEqualTo(FieldMap.of("deep", 1L));
    @SuppressWarnings("unchecked")
    List<Object> innerList = (List<Object>) inner;
    assertThatThrownBy(() -> innerList.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asMap_isUnmodifiable() {
    FieldMap map = FieldMap.of("a", 1, "b", "two");
    Map<String, Object> view = map.asMap();
    assertThatThrownBy(() -> view.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.entrySet().iterator().next().setValue(9))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(map.get("a")).contains(1);
  }

  @Test
  void ofItsOwnView_returnsTheSameInstance() {
    FieldMap map = FieldMap.of("a", 1);
    assertThat(FieldMap.of(map.asMap())).isSameAs(map);
  }

  @Test
  void fieldOrder_isKept() {
    Map<String, Object> source = new LinkedHashMap<>();
    for (String key : List.of("z", "a", "m", "b")) {
      source.put(key, key);
    }
    assertThat(FieldMap.of(source).asMap().keySet()).containsExactly("z", "a", "m", "b");
  }

  @Test
  void nullValues_areKeptAsPresentFields() {
    FieldMap map = FieldMap.of("gone", null);
    assertThat(map.has("gone")).isTrue();
    assertThat(map.get("gone")).isEmpty();
    assertThat(map.has("never")).isFalse();
  }

  @Test
  void everyPlainKind_isAccepted() {
    FieldMap map =
        FieldMap.of(
            Map.of(
                "s", "text", "b", true, "i", 1, "l", 2L, "d", 3.5,
                "bi", BigInteger.TEN, "bd", new BigDecimal("1.25"), "list", List.of(), "map", Map.of()));
    assertThat(map.size()).isEqualTo(9);
    assertThat(map.get("map")).contains(FieldMap.empty());
  }

  @Test
  void nonPlainValue_isRefusedNamingTheFieldPath() {
    Map<String, Object> source = Map.of("outer", Map.of("list", Arrays.asList("ok", new Object())));
    assertThatThrownBy(() -> FieldMap.of(source))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("field 'outer.list[1]' must be null, a string, a boolean, a number");
  }

  @Test
  void nullKey_isRefused() {
    Map<String, Object> source = new HashMap<>();
    source.put(null, 1);
    assertThatThrownBy(() -> FieldMap.of(source)).hasMessage("field names must not be null (in the top level)");
  }

  @Test
  void nonStringKeyInANestedMap_isRefusedNamingTheField() {
    assertThatThrownBy(() -> FieldMap.of("outer", Map.of(1, "x")))
        .hasMessage("field 'outer' must have string keys, had Integer");
  }

  @Test
  void equalContent_isEqual() {
    assertThat(FieldMap.of("a", List.of(1, 2))).isEqualTo(FieldMap.of(Map.of("a", List.of(1, 2))));
    assertThat(FieldMap.of("a", List.of(1, 2)).hashCode())
        .isEqualTo(FieldMap.of(Map.of("a", List.of(1, 2))).hashCode());
    assertThat(FieldMap.of("a", 1)).isNotEqualTo(FieldMap.of("a", 2));
    assertThat(FieldMap.of(Map.of())).isSameAs(FieldMap.empty());
    assertThat(FieldMap.empty().isEmpty()).isTrue();
  }
}
