package com.example.scenes;

import com.example.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads and edits the scenes of projects. */
public class SceneService {

    private static final String COLUMNS = "project_id, scene_id, content, version";

    private final Database database;

    public SceneService(Database database) {
        this.database = database;
    }

    /** One scene, or null when the project has no such scene. One database query. */
    public Scene getScene(String projectId, String sceneId) {
        return find(projectId, sceneId).orElse(null);
    }

    /** The scenes of a project in scene order; empty for an unknown project. One database query. */
    public List<Scene> listScenes(String projectId) {
        return database.query("SELECT " + COLUMNS + " FROM scenes WHERE project_id = ? ORDER BY scene_id",
                SceneService::scene, projectId);
    }

    /** How many scenes a project has and how many edits they have had; zeros for an unknown project. One database query. */
    public ProjectSummary summarize(String projectId) {
        return database.queryOne("SELECT COUNT(*) AS scenes, COALESCE(SUM(version - 1), 0) AS edits FROM scenes"
                        + " WHERE project_id = ?",
                row -> new ProjectSummary(projectId, row.getInt("scenes"), row.getInt("edits")), projectId)
                .orElseThrow(() -> new IllegalStateException("a COUNT query answered no row"));
    }

    /**
     * Replaces a scene's content and bumps its version. Two database statements: the update, then a read of the
     * new row.
     *
     * @return the scene as stored after the update
     * @throws IllegalArgumentException when the project has no such scene, or the content is null
     */
    public Scene updateScene(String projectId, String sceneId, String content) {
        if (content == null) {
            throw new IllegalArgumentException("scene content must not be null; send an empty text to clear it");
        }
        int changed = database.update(
                "UPDATE scenes SET content = ?, version = version + 1 WHERE project_id = ? AND scene_id = ?",
                content, projectId, sceneId);
        if (changed == 0) {
            throw new IllegalArgumentException("no scene " + sceneId + " in project " + projectId
                    + "; list the project's scenes with listScenes(\"" + projectId + "\")");
        }
        // read the row itself rather than through getScene: a cached getScene would still hold the old version
        return find(projectId, sceneId).orElseThrow(() -> new IllegalStateException(
                "scene " + projectId + "/" + sceneId + " vanished right after its update"));
    }

    private Optional<Scene> find(String projectId, String sceneId) {
        return database.queryOne("SELECT " + COLUMNS + " FROM scenes WHERE project_id = ? AND scene_id = ?",
                SceneService::scene, projectId, sceneId);
    }

    private static Scene scene(ResultSet row) throws SQLException {
        return new Scene(row.getString("project_id"), row.getString("scene_id"), row.getString("content"),
                row.getInt("version"));
    }
}
