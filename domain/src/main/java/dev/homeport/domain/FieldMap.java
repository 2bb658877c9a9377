package dev.homeport.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered map from field names to plain values, as a remote system sent them: the
 * carrier for raw commands and for fields the domain does not model (kept rather than dropped).
 *
 * <p>Plain values are {@code null}, {@link String}, {@link Boolean}, {@link Integer}, {@link Long},
 * {@link Double}, {@link BigInteger}, {@link BigDecimal}, a {@link List} of plain values, or a
 * nested {@code FieldMap} (a nested {@link Map} is converted). Immutable and thread-safe.
 */
public final class FieldMap {

  private static final FieldMap EMPTY = new FieldMap(Collections.emptyMap());

  private final Map<String, Object> fields;

  private FieldMap(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** The map with no fields. */
  public static FieldMap empty() {
    return EMPTY;
  }

  /**
   * A deep, immutable copy of {@code fields}, in their iteration order.
   *
   * @throws IllegalArgumentException if a key is null or a value is not a plain value (the message
   *     names the field path and the allowed kinds)
   */
  public static FieldMap of(Map<String, ?> fields) {
    Objects.requireNonNull(fields, "fields");
    if (fields instanceof FieldMap.View view) {
      return view.owner;
    }
    return copy(fields, null);
  }

  /** A map of one field. */
  public static FieldMap of(String name, Object value) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(name, value);
    return of(one);
  }

  /** A map of two fields, in this order. */
  public static FieldMap of(String name1, Object value1, String name2, Object value2) {
    Map<String, Object> two = new LinkedHashMap<>();
    two.put(name1, value1);
    two.put(name2, value2);
    return of(two);
  }

  private static FieldMap copy(Map<String, ?> fields, Path path) {
    if (fields.isEmpty()) {
      return EMPTY;
    }
    Map<String, Object> copy = new LinkedHashMap<>(fields.size() * 2);
    for (Map.Entry<String, ?> entry : fields.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("field names must not be null (in " + Path.describe(path) + ")");
      }
      copy.put(entry.getKey(), copyValue(entry.getValue(), path, entry.getKey(), -1));
    }
    return new FieldMap(Collections.unmodifiableMap(copy));
  }

  /**
   * A deep immutable copy of one plain value (maps become {@code FieldMap}s, lists unmodifiable).
   *
   * @param path the field path used in the error message
   * @throws IllegalArgumentException if the value is not plain
   */
  public static Object plainCopy(Object value, String path) {
    return path == null || path.isEmpty()
        ? copyValue(value, null, null, -1)
        : copyValue(value, null, path, -1);
  }

  /**
   * Copies the value found at {@code key} (or list {@code index}) under {@code parent}; the path
   * object is made only when descending or failing, so plain fields allocate nothing for it.
   */
  private static Object copyValue(Object value, Path parent, String key, int index) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof FieldMap) {
      return value;
    }
    Path path = key == null && index < 0 ? parent : new Path(parent, key, index);
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> named = (Map<String, ?>) map;
      for (Object name : map.keySet()) {
        if (!(name instanceof String)) {
          throw new IllegalArgumentException(
              Path.describe(path) + " must have string keys, had " + (name == null ? "null" : name.getClass().getSimpleName()));
        }
      }
      return copy(named, path);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copyValue(list.get(i), path, null, i));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        Path.describe(path)
            + " must be null, a string, a boolean, a number (Integer, Long, Double, BigInteger,"
            + " BigDecimal), a list or a map, was "
            + value.getClass().getName());
  }

  /**
   * Where a value sits, written out only for an error message, so that copying the fields of every
   * answer does not build a path string per nested field.
   */
  private record Path(Path parent, String key, int index) {

    static String describe(Path path) {
      return path == null ? "the top level" : "field '" + path.render() + "'";
    }

    private String render() {
      String prefix = parent == null ? "" : parent.render();
      if (key == null) {
        return prefix + "[" + index + "]";
      }
      return prefix.isEmpty() ? key : prefix + "." + key;
    }
  }

  /** The value of a field, or empty when the field is absent or null. */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** Whether the field is present (its value may be null). */
  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /** The fields as an unmodifiable map (values may be null). */
  public Map<String, Object> asMap() {
    return new View(this);
  }

  /** The number of fields. */
  public int size() {
    return fields.size();
  }

  /** Whether there are no fields. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldMap that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }

  /** Read-only view that remembers its owner, so {@code FieldMap.of(map.asMap())} copies nothing. */
  private static final class View extends java.util.AbstractMap<String, Object> {
    private final FieldMap owner;

    View(FieldMap owner) {
      this.owner = owner;
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return owner.fields.entrySet();
    }

    @Override
    public Object get(Object key) {
      return owner.fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return owner.fields.containsKey(key);
    }

    @Override
    public int size() {
      return owner.fields.size();
    }
  }
}
