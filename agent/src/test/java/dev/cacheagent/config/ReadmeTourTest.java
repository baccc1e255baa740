package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule file the README tours is a valid rule file: the front door never shows a broken example. */
class ReadmeTourTest {

    @Test
    void readmeTour_isAValidRuleFile() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher tour = Pattern.compile("## A tour of a rule file\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(tour.find()).as("README.md has a '## A tour of a rule file' section with a yaml block").isTrue();

        assertThatCode(() -> RuleFileLoader.parse(tour.group(1), "README.md", Environment.of(Map.of(), Map.of())))
                .doesNotThrowAnyException();
    }
}
