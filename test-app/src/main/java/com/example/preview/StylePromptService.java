package com.example.preview;

import com.example.db.Database;
import java.util.concurrent.atomic.LongAdder;

/** Looks up the text prompt that describes a named style, in the {@code style_prompts} table. */
public class StylePromptService {

    private final Database database;
    private final LongAdder queries = new LongAdder();

    public StylePromptService(Database database) {
        this.database = database;
    }

    /**
     * The prompt of a style. Names are matched after trimming and lower-casing, so {@code "  Neon-Noir "} and
     * {@code "neon-noir"} are the same style. One database query per call.
     *
     * @return the prompt, or {@code ""} when the style is unknown or has an empty prompt
     * @throws IllegalArgumentException when {@code styleName} is null
     */
    public String getStylePrompt(String styleName) {
        if (styleName == null) {
            throw new IllegalArgumentException("styleName must not be null; pass a style such as neon-noir");
        }
        String name = styleName.trim().toLowerCase();
        queries.increment();
        return database.queryOne("SELECT prompt FROM style_prompts WHERE name = ?", row -> row.getString(1), name)
                .orElse("");
    }

    /** How many prompt queries this service has sent to the database. */
    public long queryCount() {
        return queries.sum();
    }
}
