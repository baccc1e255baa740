package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final String SYNOPSIS = "report <events.jsonl> [--html <file>]";

    @Test
    void parse_separatesPositionalsFromOptionsAndTheirValues() throws UsageException {
        Arguments arguments = Arguments.parse(List.of("--html", "out.html", "events.jsonl"), SYNOPSIS,
                Set.of("html"), 1);

        assertThat(arguments.positionals()).containsExactly("events.jsonl");
        assertThat(arguments.option("html")).contains("out.html");
    }

    @Test
    void parse_acceptsAnOptionWithAnEqualsSign() throws UsageException {
        Arguments arguments = Arguments.parse(List.of("events.jsonl", "--html=out.html"), SYNOPSIS, Set.of("html"), 1);

        assertThat(arguments.option("html")).contains("out.html");
    }

    @Test
    void parse_rejectsAnUnknownOption_showingHowToWriteTheCommand() {
        assertThatThrownBy(() -> Arguments.parse(List.of("events.jsonl", "--htlm", "x"), SYNOPSIS, Set.of("html"), 1))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--htlm' — write: " + SYNOPSIS);
    }

    @Test
    void parse_rejectsAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> Arguments.parse(List.of("events.jsonl", "--html"), SYNOPSIS, Set.of("html"), 1))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --html needs a value — write: " + SYNOPSIS);
    }

    @Test
    void parse_rejectsAnOptionGivenTwice() {
        assertThatThrownBy(() -> Arguments.parse(List.of("e", "--html", "a", "--html", "b"), SYNOPSIS, Set.of("html"),
                1)).isInstanceOf(UsageException.class).hasMessageStartingWith("option --html is given twice");
    }

    @Test
    void parse_rejectsAMissingArgument() {
        assertThatThrownBy(() -> Arguments.parse(List.of(), SYNOPSIS, Set.of("html"), 1))
                .isInstanceOf(UsageException.class)
                .hasMessage("missing argument — write: " + SYNOPSIS);
    }

    @Test
    void parse_rejectsTooManyArguments() {
        assertThatThrownBy(() -> Arguments.parse(List.of("a.jsonl", "b.jsonl"), SYNOPSIS, Set.of("html"), 1))
                .isInstanceOf(UsageException.class)
                .hasMessage("too many arguments — write: " + SYNOPSIS);
    }
}
