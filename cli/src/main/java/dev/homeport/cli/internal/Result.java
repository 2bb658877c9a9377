package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command's result in both forms: JSON for scripts, text for people.
 *
 * @param json the JSON form
 * @param text the text form (may be empty)
 */
public record Result(JsonNode json, String text) {}
