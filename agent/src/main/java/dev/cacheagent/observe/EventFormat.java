package dev.cacheagent.observe;

import dev.cacheagent.config.LogSettings;

/** Turns an event into one line of text (without the line break). */
sealed interface EventFormat permits JsonEventFormat, TextEventFormat {

    String format(Event event);

    static EventFormat of(LogSettings.Format format) {
        return switch (format) {
            case JSON -> new JsonEventFormat();
            case TEXT -> new TextEventFormat();
        };
    }
}
