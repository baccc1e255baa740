package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
    private static final Set<String> KNOWN = Set.of("runs", "out");

    @Test
    void parse_readsNamedValues() {
        Options options = Options.parse(new String[] {"--runs", "12", "--out", "x.md"}, KNOWN);

        assertThat(options.number("runs", 10)).isEqualTo(12);
        assertThat(options.text("out")).contains("x.md");
    }

    @Test
    void number_whenAbsent_isTheDefault() {
        assertThat(Options.parse(new String[0], KNOWN).number("runs", 10)).isEqualTo(10);
    }

    @Test
    void parse_anUnknownOption_listsTheKnownOnes() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--rusn", "3"}, KNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option '--rusn'; the options are --out, --runs");
    }

    @Test
    void parse_anOptionWithoutValue_saysSo() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--runs"}, KNOWN))
                .hasMessage("option --runs needs a value");
    }

    @Test
    void number_thatIsNotAPositiveNumber_saysWhatItTakes() {
        Options options = Options.parse(new String[] {"--runs", "0"}, KNOWN);

        assertThatThrownBy(() -> options.number("runs", 10))
                .hasMessage("option --runs takes a positive whole number, got '0'");
    }

    @Test
    void percent_acceptsZeroToAHundred() {
        Options options = Options.parse(new String[] {"--share", "0"}, Set.of("share"));

        assertThat(options.percent("share", 15)).isZero();
    }

    @Test
    void percent_aboveAHundred_saysWhatItTakes() {
        Options options = Options.parse(new String[] {"--share", "101"}, Set.of("share"));

        assertThatThrownBy(() -> options.percent("share", 0))
                .hasMessage("option --share takes a percentage from 0 to 100, got '101'");
    }

    @Test
    void existingPath_thatIsMissing_namesItAndHowToFixIt(@TempDir Path dir) {
        Options options = Options.parse(new String[0], Set.of("test-app"));
        String missing = dir.resolve("test-app.jar").toString();

        assertThatThrownBy(() -> options.existingPath("test-app", missing))
                .hasMessage("--test-app: " + missing + " does not exist (the default; build it or pass --test-app)");
    }
}
