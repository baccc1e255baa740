package com.example.system;

import com.example.db.Database;
import com.example.gate.Gates;

/** Reads and changes the active system prompt, the single row of the {@code system_prompt} table. */
public class SystemPromptService {

    /** The gate a read passes after its query: an armed gate holds the read with the text it already has. */
    public static final String READ_GATE = "system-prompt-read";

    private static final int ACTIVE = 1;

    private final Database database;
    private final Gates gates;

    public SystemPromptService(Database database) {
        this(database, new Gates());
    }

    public SystemPromptService(Database database, Gates gates) {
        this.database = database;
        this.gates = gates;
    }

    /**
     * The active system prompt. One database query, then gate {@link #READ_GATE}: a held read returns the text
     * the database had before it was held.
     */
    public String activeSystemPrompt() {
        String text = database.queryOne("SELECT text FROM system_prompt WHERE id = ?", row -> row.getString(1),
                ACTIVE).orElse("");
        gates.pass(READ_GATE);
        return text;
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
