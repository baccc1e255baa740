package com.example.scenes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a project holds, for its overview: how many scenes, and how many edits they have had in all. An immutable
 * class in the style that predates records: its fields are set once by its only constructor, which tells Jackson
 * how to read one back.
 */
public final class ProjectSummary implements Serializable {
    private final String projectId;
    private final int scenes;
    private final int edits;

    @JsonCreator
    public ProjectSummary(@JsonProperty("projectId") String projectId, @JsonProperty("scenes") int scenes,
            @JsonProperty("edits") int edits) {
        this.projectId = projectId;
        this.scenes = scenes;
        this.edits = edits;
    }

    public String getProjectId() {
        return projectId;
    }

    public int getScenes() {
        return scenes;
    }

    /** Updates made to the project's scenes since they were created. */
    public int getEdits() {
        return edits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectSummary that && that.projectId.equals(projectId) && that.scenes == scenes
                && that.edits == edits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, scenes, edits);
    }

    @Override
    public String toString() {
        return "ProjectSummary[projectId=" + projectId + ", scenes=" + scenes + ", edits=" + edits + "]";
    }
}
