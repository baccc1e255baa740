package com.example.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComponentBuilderTest {

    private final ComponentBuilder builder = new ComponentBuilder(Duration.ZERO);

    @Test
    void build_cleanSpec_succeeds() {
        BuildResult result = builder.build("button", "component button {\n  label: \"OK\"\n}");

        assertThat(result.componentId()).isEqualTo("button");
        assertThat(result.success()).isTrue();
        assertThat(result.output()).contains("built button");
    }

    @Test
    void build_specWithAnError_returnsAFailedResult() {
        BuildResult result = builder.build("modal", "component modal { error: missing close handler }");

        assertThat(result.success()).isFalse();
        assertThat(result.output()).contains("FAILED modal");
    }

    @Test
    void build_specThatCrashes_throwsBuildException() {
        assertThatThrownBy(() -> builder.build("table", "component table { crash }"))
                .isInstanceOf(BuildException.class)
                .hasMessageContaining("table");
    }

    @Test
    void build_sameSpecTwice_sameResult() {
        assertThat(builder.build("card", "component card {}")).isEqualTo(builder.build("card", "component card {}"));
    }

    @Test
    void buildCount_countsEveryBuildIncludingFailuresAndCrashes() {
        builder.build("button", "ok");
        builder.build("modal", "error");
        assertThatThrownBy(() -> builder.build("table", "crash"));

        assertThat(builder.buildCount()).isEqualTo(3);
    }

    @Test
    void build_withoutSpec_isRejectedAndNotCounted() {
        assertThatThrownBy(() -> builder.build("button", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.buildCount()).isZero();
    }
}
