package dev.homeport.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project; every Immutables value type carries it.
 *
 * <ul>
 *   <li>{@code jdkOnly}: generated code uses JDK collections only, never Guava.
 *   <li>Generated classes are named {@code Immutable<Type>} and live beside their abstract type.
 *   <li>Builders are strict (setting an attribute twice is an error) and {@code build()} checks every
 *       required attribute, naming the missing ones.
 *   <li>{@code with*} copy methods are generated for cheap modified copies.
 * </ul>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = {"*"},
    typeImmutable = "Immutable*",
    jdkOnly = true,
    strictBuilder = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true))
public @interface HomeportStyle {}
