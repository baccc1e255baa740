package com.example.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private final Database database = TestDatabases.fresh();

    @Test
    void constructor_seedsTwelveStylesOneWithAnEmptyPrompt() {
        assertThat(database.query("SELECT name FROM style_prompts", row -> row.getString(1)))
                .hasSize(12)
                .contains("classic-oil-painting", "watercolor-dreams", "neon-noir");
        assertThat(database.query("SELECT name FROM style_prompts WHERE prompt = ''", row -> row.getString(1)))
                .containsExactly("original");
    }

    @Test
    void constructor_seedsScenesAndTheSystemPrompt() {
        assertThat(database.queryOne("SELECT COUNT(*) FROM scenes", row -> row.getInt(1))).contains(6);
        assertThat(database.queryOne("SELECT text FROM system_prompt WHERE id = 1", row -> row.getString(1)))
                .hasValueSatisfying(text -> assertThat(text).isNotBlank());
    }

    @Test
    void constructor_onADatabaseAlreadySeeded_addsNoRows() {
        new Database(database.url(), null, null, Duration.ZERO);

        assertThat(database.queryOne("SELECT COUNT(*) FROM style_prompts", row -> row.getInt(1))).contains(12);
    }

    @Test
    void queryCount_isZeroAfterSeeding() {
        assertThat(database.queryCount()).isZero();
    }

    @Test
    void queryCount_countsQueriesAndUpdates() {
        database.query("SELECT name FROM style_prompts", row -> row.getString(1));
        database.queryOne("SELECT text FROM system_prompt WHERE id = ?", row -> row.getString(1), 1);
        database.update("UPDATE system_prompt SET text = ? WHERE id = ?", "changed", 1);

        assertThat(database.queryCount()).isEqualTo(3);
    }

    @Test
    void update_returnsTheNumberOfRowsChanged() {
        assertThat(database.update("UPDATE scenes SET version = version + 1 WHERE project_id = ?", "p1"))
                .isEqualTo(3);
    }

    @Test
    void query_waitsTheConfiguredDelay() {
        Database slow = new Database(TestDatabases.freshUrl(), null, null, Duration.ofMillis(30));
        long start = System.nanoTime();

        slow.query("SELECT name FROM style_prompts", row -> row.getString(1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void query_withBadSql_throwsDatabaseExceptionNamingTheStatement() {
        assertThatThrownBy(() -> database.query("SELECT nothing FROM nowhere", row -> row.getString(1)))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("SELECT nothing FROM nowhere");
    }

    @Test
    void constructor_withAnUnusableUrl_saysWhichSettingsToCheck() {
        assertThatThrownBy(() -> new Database("jdbc:nosuchdriver:x", null, null, Duration.ZERO))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("jdbc:nosuchdriver:x")
                .hasMessageContaining("DB_URL");
    }

    @Test
    void constructor_withNegativeDelay_isRejected() {
        assertThatThrownBy(() -> new Database(TestDatabases.freshUrl(), null, null, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
