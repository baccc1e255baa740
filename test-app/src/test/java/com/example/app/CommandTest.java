package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void parse_demoWithoutOptions_usesTheDefaults() throws Exception {
        assertThat(Command.parse("demo")).isEqualTo(new Command.Demo(200, 42, 4));
    }

    @Test
    void parse_demoWithOptions_takesThem() throws Exception {
        assertThat(Command.parse("demo", "--seed", "7", "--requests", "50", "--threads", "2"))
                .isEqualTo(new Command.Demo(50, 7, 2));
    }

    @Test
    void parse_serve_takesThePort() throws Exception {
        assertThat(Command.parse("serve", "--port", "0")).isEqualTo(new Command.Serve(0));
    }

    @Test
    void parse_provider_takesThePort() throws Exception {
        assertThat(Command.parse("provider", "--port", "8089")).isEqualTo(new Command.Provider(8089));
    }

    @Test
    void parse_serveWithoutPort_saysThePortIsRequired() {
        assertThatThrownBy(() -> Command.parse("serve"))
                .isInstanceOf(Command.UsageException.class)
                .hasMessageContaining("--port is required");
    }

    @Test
    void parse_nothing_isBadUsage() {
        assertThatThrownBy(Command::parse).isInstanceOf(Command.UsageException.class);
    }

    @Test
    void parse_unknownCommand_namesTheKnownOnes() {
        assertThatThrownBy(() -> Command.parse("bench"))
                .isInstanceOf(Command.UsageException.class)
                .hasMessageContaining("'bench'")
                .hasMessageContaining("demo, serve or provider");
    }

    @Test
    void parse_unknownOption_namesTheCommandsOptions() {
        assertThatThrownBy(() -> Command.parse("demo", "--port", "1"))
                .isInstanceOf(Command.UsageException.class)
                .hasMessageContaining("--port")
                .hasMessageContaining("--requests");
    }

    @Test
    void parse_requestsNotPositive_isBadUsage() {
        assertThatThrownBy(() -> Command.parse("demo", "--requests", "0"))
                .isInstanceOf(Command.UsageException.class)
                .hasMessageContaining("--requests must be a whole number of at least 1");
    }

    @Test
    void parse_optionWithoutValue_isBadUsage() {
        assertThatThrownBy(() -> Command.parse("demo", "--seed"))
                .isInstanceOf(Command.UsageException.class)
                .hasMessageContaining("--seed needs a value");
    }
}
