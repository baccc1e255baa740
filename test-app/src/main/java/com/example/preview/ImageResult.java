package com.example.preview;

import java.io.Serializable;

/** An image a provider generated: where to fetch it, its size in pixels and its file format. */
public record ImageResult(String url, int width, int height, String format) implements Serializable {}
