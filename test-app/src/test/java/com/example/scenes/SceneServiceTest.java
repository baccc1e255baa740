package com.example.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.db.Database;
import com.example.db.TestDatabases;
import org.junit.jupiter.api.Test;

class SceneServiceTest {

    private final Database database = TestDatabases.fresh();
    private final SceneService service = new SceneService(database);

    @Test
    void getScene_returnsTheSeededScene() {
        assertThat(service.getScene("p1", "s1")).isEqualTo(
                new Scene("p1", "s1", "Opening: a lighthouse at dusk, waves breaking below.", 1));
    }

    @Test
    void getScene_runsOneQuery() {
        service.getScene("p1", "s1");

        assertThat(database.queryCount()).isEqualTo(1);
    }

    @Test
    void getScene_unknownScene_returnsNull() {
        assertThat(service.getScene("p1", "s99")).isNull();
    }

    @Test
    void listScenes_returnsTheProjectsScenesInOrder() {
        assertThat(service.listScenes("p1")).extracting(Scene::sceneId).containsExactly("s1", "s2", "s3");
    }

    @Test
    void listScenes_unknownProject_isEmpty() {
        assertThat(service.listScenes("p99")).isEmpty();
    }

    @Test
    void summarize_countsTheProjectsScenesAndTheirEdits() {
        service.updateScene("p1", "s2", "The keeper climbs.");
        service.updateScene("p1", "s2", "The keeper climbs faster.");

        assertThat(service.summarize("p1")).isEqualTo(new ProjectSummary("p1", 3, 2));
    }

    @Test
    void summarize_unknownProject_isZeros() {
        assertThat(service.summarize("p99")).isEqualTo(new ProjectSummary("p99", 0, 0));
    }

    @Test
    void summarize_runsOneQuery() {
        service.summarize("p1");

        assertThat(database.queryCount()).isEqualTo(1);
    }

    @Test
    void updateScene_returnsTheSceneWithItsNewContentAndVersion() {
        assertThat(service.updateScene("p2", "s1", "A quieter market."))
                .isEqualTo(new Scene("p2", "s1", "A quieter market.", 2));
    }

    @Test
    void updateScene_isVisibleToLaterReads() {
        service.updateScene("p2", "s1", "A quieter market.");

        assertThat(service.getScene("p2", "s1").content()).isEqualTo("A quieter market.");
        assertThat(service.listScenes("p2")).extracting(Scene::content).contains("A quieter market.");
    }

    @Test
    void updateScene_unknownScene_throwsIllegalArgumentExceptionNamingIt() {
        assertThatThrownBy(() -> service.updateScene("p1", "s99", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s99")
                .hasMessageContaining("p1");
    }
}
