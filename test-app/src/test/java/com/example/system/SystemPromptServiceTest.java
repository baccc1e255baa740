package com.example.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.db.Database;
import com.example.db.TestDatabases;
import org.junit.jupiter.api.Test;

class SystemPromptServiceTest {

    private final Database database = TestDatabases.fresh();
    private final SystemPromptService service = new SystemPromptService(database);

    @Test
    void activeSystemPrompt_returnsTheSeededPrompt() {
        assertThat(service.activeSystemPrompt()).startsWith("You are a helpful creative assistant.");
    }

    @Test
    void activeSystemPrompt_runsOneQuery() {
        service.activeSystemPrompt();

        assertThat(database.queryCount()).isEqualTo(1);
    }

    @Test
    void setActiveSystemPrompt_isVisibleToLaterReads() {
        service.setActiveSystemPrompt("Answer in haiku.");

        assertThat(service.activeSystemPrompt()).isEqualTo("Answer in haiku.");
    }

    @Test
    void setActiveSystemPrompt_isVisibleToAnotherServiceOnTheSameDatabase() {
        service.setActiveSystemPrompt("Answer in haiku.");

        assertThat(new SystemPromptService(database).activeSystemPrompt()).isEqualTo("Answer in haiku.");
    }

    @Test
    void setActiveSystemPrompt_null_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> service.setActiveSystemPrompt(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
