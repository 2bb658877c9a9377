package dev.homeport.domain.home;

import java.math.BigDecimal;

/**
 * A typed attribute value: a number, text, a boolean, or a structured (JSON object or array)
 * value. Records, immutable and thread-safe.
 */
public sealed interface AttributeValue
    permits AttributeValue.NumberValue,
        AttributeValue.TextValue,
        AttributeValue.BooleanValue,
        AttributeValue.StructuredValue {

  /** The value as a plain Java object (BigDecimal, String, Boolean, FieldMap or List). */
  Object plain();

  /** A number, exact. */
  record NumberValue(BigDecimal number) implements AttributeValue {
    public NumberValue {
      dev.homeport.domain.internal.Checks.required("number", number);
    }

    /** The number {@code number}, exactly as {@link BigDecimal#valueOf(double)} writes it. */
    public static NumberValue of(double number) {
      return new NumberValue(BigDecimal.valueOf(number));
    }

    @Override
    public Object plain() {
      return number;
    }
  }

  /** Text. */
  record TextValue(String text) implements AttributeValue {
    public TextValue {
      dev.homeport.domain.internal.Checks.required("text", text);
    }

    @Override
    public Object plain() {
      return text;
    }
  }

  /** A boolean. */
  record BooleanValue(boolean value) implements AttributeValue {
    @Override
    public Object plain() {
      return value;
    }
  }

  /** A JSON object ({@link dev.homeport.domain.FieldMap}) or array (List) of plain values. */
  record StructuredValue(Object tree) implements AttributeValue {
    public StructuredValue {
      dev.homeport.domain.internal.Checks.required("tree", tree);
      tree = dev.homeport.domain.FieldMap.plainCopy(tree, "value");
      if (!(tree instanceof dev.homeport.domain.FieldMap) && !(tree instanceof java.util.List)) {
        throw new IllegalArgumentException("structured value must be a map or a list, was " + tree.getClass().getSimpleName());
      }
    }

    @Override
    public Object plain() {
      return tree;
    }
  }
}
