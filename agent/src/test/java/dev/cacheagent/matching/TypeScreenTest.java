package dev.cacheagent.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.SelectableTypes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeScreenTest {
    private final TypeScreen screen = TypeScreen.of(new SelectableTypes(false,
            Set.of("com.example.Service", "com.example.Outer$Inner"), List.of("com.example.**.*Repository")));

    @Test
    void mayMatch_anExactName_isTrue() {
        assertThat(screen.mayMatch("com.example.Service")).isTrue();
        assertThat(screen.mayMatch("com.example.Outer$Inner")).isTrue();
    }

    @Test
    void mayMatch_aNameAGlobMatches_isTrue() {
        assertThat(screen.mayMatch("com.example.db.PromptRepository")).isTrue();
    }

    @Test
    void mayMatch_anyOtherName_isFalse() {
        assertThat(screen.mayMatch("com.example.app.Main")).isFalse();
        assertThat(screen.mayMatch("com.example.ServiceImpl")).isFalse();
    }

    @Test
    void mayMatch_everyClass_isTrueForAll() {
        assertThat(TypeScreen.of(SelectableTypes.ALL).mayMatch("org.acme.Anything")).isTrue();
    }
}
