package com.example.system;

import com.example.db.Database;

/** Reads and changes the active system prompt, the single row of the {@code system_prompt} table. */
public class SystemPromptService {

    private static final int ACTIVE = 1;

    private final Database database;

    public SystemPromptService(Database database) {
        this.database = database;
    }

    /** The active system prompt. One database query. */
    public String activeSystemPrompt() {
        return database.queryOne("SELECT text FROM system_prompt WHERE id = ?", row -> row.getString(1), ACTIVE)
                .orElse("");
    }

    /**
     * Replaces the active system prompt: the admin action. One database statement.
     *
     * @throws IllegalArgumentException when {@code text} is null
     */
    public void setActiveSystemPrompt(String text) {
        if (text == null) {
            throw new IllegalArgumentException("the system prompt must not be null; send an empty text to clear it");
        }
        if (database.update("UPDATE system_prompt SET text = ? WHERE id = ?", text, ACTIVE) == 0) {
            database.update("INSERT INTO system_prompt (id, text) VALUES (?, ?)", ACTIVE, text);
        }
    }
}
