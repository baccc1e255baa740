/**
 * Style previews: a user's photo re-rendered in a named style. {@link com.example.preview.PreviewService} handles a
 * request by fetching the style's prompt from the database ({@link com.example.preview.StylePromptService}) and
 * asking the image-to-image provider to render it ({@link com.example.preview.ReplicateService}).
 */
package com.example.preview;
