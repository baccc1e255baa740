package com.example.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.db.Database;
import com.example.db.TestDatabases;
import org.junit.jupiter.api.Test;

class StylePromptServiceTest {

    private final Database database = TestDatabases.fresh();
    private final StylePromptService service = new StylePromptService(database);

    @Test
    void getStylePrompt_returnsTheStylesPrompt() {
        assertThat(service.getStylePrompt("neon-noir")).startsWith("A rain-soaked neon noir scene");
    }

    @Test
    void getStylePrompt_ignoresCaseAndSurroundingSpaces() {
        assertThat(service.getStylePrompt("  Neon-Noir ")).isEqualTo(service.getStylePrompt("neon-noir"));
    }

    @Test
    void getStylePrompt_runsOneQueryPerCall() {
        service.getStylePrompt("neon-noir");
        service.getStylePrompt("neon-noir");

        assertThat(database.queryCount()).isEqualTo(2);
    }

    @Test
    void getStylePrompt_unknownStyle_returnsEmpty() {
        assertThat(service.getStylePrompt("no-such-style")).isEmpty();
    }

    @Test
    void getStylePrompt_styleWithAnEmptyPrompt_returnsEmpty() {
        assertThat(service.getStylePrompt("original")).isEmpty();
    }

    @Test
    void getStylePrompt_null_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> service.getStylePrompt(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("styleName");
    }
}
