package com.example.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.db.Database;
import com.example.db.TestDatabases;
import com.example.gate.Gates;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    void activeSystemPrompt_heldAtItsGate_returnsTheTextReadBeforeAChange() throws Exception {
        Gates gates = new Gates();
        SystemPromptService gated = new SystemPromptService(database, gates);
        service.setActiveSystemPrompt("old");
        gates.arm(SystemPromptService.READ_GATE);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(gated::activeSystemPrompt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gates.state(SystemPromptService.READ_GATE).waiting() == 0) {
            assertThat(System.nanoTime()).as("the read held within 5 s").isLessThan(deadline);
            Thread.sleep(1);
        }

        service.setActiveSystemPrompt("new");
        gates.release(SystemPromptService.READ_GATE);

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("old");
    }
}
