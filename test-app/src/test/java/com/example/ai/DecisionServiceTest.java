package com.example.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.provider.ProviderClient;
import com.example.provider.ProviderStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecisionServiceTest {

    private static final String PROMPT = "Should this shot be a close-up?";

    private final ProviderStub provider = ProviderStub.start(0, Duration.ZERO);
    private final DecisionService service = new DecisionService(new ProviderClient(provider.uri()));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void decide_answerIsIndependentOfUserRequestIdAndTime() {
        Decision first = service.decide(PROMPT, new DecisionContext("user-1", "en-US", "action", "req-1", 1L));
        Decision second = service.decide(PROMPT, new DecisionContext("user-2", "en-US", "action", "req-2", 2L));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void decide_answerDependsOnLocale() {
        Decision english = service.decide(PROMPT, new DecisionContext("user-1", "en-US", "action", "req-1", 1L));
        Decision german = service.decide(PROMPT, new DecisionContext("user-1", "de-DE", "action", "req-1", 1L));

        assertThat(german).isNotEqualTo(english);
    }

    @Test
    void decide_callsTheProviderOnce() {
        service.decide(PROMPT, new DecisionContext("user-1", "en-US", "action", "req-1", 1L));

        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void decide_returnsAConfidenceBetweenZeroAndOne() {
        Decision decision = service.decide(PROMPT, new DecisionContext("user-1", "en-US", "interior", "r", 1L));

        assertThat(decision.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void decide_withoutContext_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> service.decide(PROMPT, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
