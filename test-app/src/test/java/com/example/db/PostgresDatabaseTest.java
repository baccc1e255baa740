package com.example.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.preview.StylePromptService;
import com.example.scenes.SceneService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * test-app on PostgreSQL (DB_URL), against the server on 127.0.0.1:5432 (database {@code test}, trust
 * auth; CI starts it). Each run uses a schema of its own and drops it afterwards.
 */
class PostgresDatabaseTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SCHEMA = "testapp_" + UUID.randomUUID().toString().replace("-", "");

    private static Database database;

    @BeforeAll
    static void createSchema() throws SQLException {
        execute("CREATE SCHEMA " + SCHEMA);
        database = new Database(SERVER + "?currentSchema=" + SCHEMA, USER, null, Duration.ZERO);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        database.close();
        execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }

    @Test
    void stylePrompts_areReadFromPostgres_withNamesNormalised() {
        StylePromptService prompts = new StylePromptService(database);

        assertThat(prompts.getStylePrompt("  Neon-Noir ")).isEqualTo(prompts.getStylePrompt("neon-noir")).isNotEmpty();
        assertThat(prompts.getStylePrompt("original")).isEmpty();
        assertThat(prompts.queryCount()).isEqualTo(3);
    }

    @Test
    void sceneUpdates_areVisibleToReads() {
        SceneService scenes = new SceneService(database);

        scenes.updateScene("p3", "s1", "a kitchen at noon");

        assertThat(scenes.getScene("p3", "s1").content()).isEqualTo("a kitchen at noon");
        assertThat(scenes.listScenes("p3")).extracting(s -> s.content()).contains("a kitchen at noon");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
