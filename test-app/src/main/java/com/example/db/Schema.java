package com.example.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the service's tables and seed rows when they are absent. Plain SQL that H2 and PostgreSQL both accept,
 * safe to run from several instances sharing one database at once.
 */
final class Schema {

    /** SQLSTATE for a duplicate key: another instance seeded the same row first. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** One seed row; its key columns lead its column list, so its values start with the key. */
    private record Row(String table, List<String> keyColumns, List<String> columns, List<Object> values) {}

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS style_prompts ("
                    + " name VARCHAR(100) PRIMARY KEY,"
                    + " prompt VARCHAR(4000) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS scenes ("
                    + " project_id VARCHAR(100) NOT NULL,"
                    + " scene_id VARCHAR(100) NOT NULL,"
                    + " content VARCHAR(4000) NOT NULL,"
                    + " version INTEGER NOT NULL,"
                    + " PRIMARY KEY (project_id, scene_id))",
            "CREATE TABLE IF NOT EXISTS system_prompt ("
                    + " id INTEGER PRIMARY KEY,"
                    + " text VARCHAR(4000) NOT NULL)");

    private final Connection connection;

    Schema(Connection connection) {
        this.connection = connection;
    }

    void createAndSeed() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : TABLES) {
                statement.execute(ddl);
            }
        }
        for (Row row : seedRows()) {
            insertIfAbsent(row);
        }
    }

    private static List<Row> seedRows() {
        return List.of(
                style("classic-oil-painting", "A classic oil painting with rich impasto brushwork, warm varnish tones"
                        + " and chiaroscuro lighting, in the manner of the Dutch masters."),
                style("watercolor-dreams", "A soft watercolor painting with bleeding pastel washes, visible paper"
                        + " texture and loose, dreamy edges."),
                style("neon-noir", "A rain-soaked neon noir scene: deep shadows, magenta and cyan signs reflected"
                        + " on wet asphalt, cinematic film grain."),
                style("pencil-sketch", "A detailed graphite pencil sketch with cross-hatching, smudged shading"
                        + " and unfinished construction lines."),
                style("pop-art", "Bold pop art with flat primary colors, thick black outlines and Ben-Day dots."),
                style("original", ""),
                style("pixel-art", "Crisp 16-bit pixel art with a limited palette and dithered gradients."),
                style("art-deco-poster", "An art deco travel poster: geometric shapes, gold accents, streamlined"
                        + " typography and a symmetrical composition."),
                style("ukiyo-e", "A Japanese ukiyo-e woodblock print with flat areas of color, fine key lines"
                        + " and stylised waves and clouds."),
                style("charcoal-study", "A charcoal figure study on toned paper with expressive strokes and white"
                        + " chalk highlights."),
                style("vaporwave", "A vaporwave collage: pink and teal gradients, marble busts, grid horizons and"
                        + " a setting sun."),
                style("stained-glass", "A stained glass window with luminous jewel tones separated by dark lead"
                        + " lines."),
                scene("p1", "s1", "Opening: a lighthouse at dusk, waves breaking below."),
                scene("p1", "s2", "The keeper climbs the spiral stairs with a lantern."),
                scene("p1", "s3", "A ship's lights appear through the fog."),
                scene("p2", "s1", "A crowded night market, steam rising from food stalls."),
                scene("p2", "s2", "A chase through narrow alleys under paper lanterns."),
                scene("p3", "s1", "A quiet kitchen at dawn, bread cooling on the sill."),
                new Row("system_prompt", List.of("id"), List.of("id", "text"), List.of(1,
                        "You are a helpful creative assistant. Answer briefly and describe images concretely.")));
    }

    private static Row style(String name, String prompt) {
        return new Row("style_prompts", List.of("name"), List.of("name", "prompt"), List.of(name, prompt));
    }

    private static Row scene(String projectId, String sceneId, String content) {
        return new Row("scenes", List.of("project_id", "scene_id"), List.of("project_id", "scene_id", "content", "version"),
                List.of(projectId, sceneId, content, 1));
    }

    private void insertIfAbsent(Row row) throws SQLException {
        if (exists(row)) {
            return;
        }
        String sql = "INSERT INTO " + row.table() + " (" + String.join(", ", row.columns()) + ") VALUES ("
                + String.join(", ", row.columns().stream().map(column -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < row.values().size(); i++) {
                insert.setObject(i + 1, row.values().get(i));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private boolean exists(Row row) throws SQLException {
        String where = String.join(" AND ", row.keyColumns().stream().map(column -> column + " = ?").toList());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + row.table() + " WHERE " + where)) {
            for (int i = 0; i < row.keyColumns().size(); i++) {
                select.setObject(i + 1, row.values().get(i));
            }
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        }
    }
}
