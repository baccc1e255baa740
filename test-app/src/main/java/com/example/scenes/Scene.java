package com.example.scenes;

import java.io.Serializable;

/**
 * One scene of a project.
 *
 * @param version starts at 1 and grows by one with every update
 */
public record Scene(String projectId, String sceneId, String content, int version) implements Serializable {}
