package com.example.build;

import java.io.Serializable;

/**
 * The outcome of a component build that ran to the end.
 *
 * @param success false when the spec had errors; {@code output} then says which
 * @param output  the build log
 */
public record BuildResult(String componentId, boolean success, String output) implements Serializable {}
