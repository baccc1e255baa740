package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
    private static final Environment PROPERTY_AND_VARIABLE = Environment.of(
            Map.of("cacheagent.config", "from-property.yaml"), Map.of("CACHE_AGENT_CONFIG", "from-variable.yaml"));
    private static final Environment VARIABLE_ONLY =
            Environment.of(Map.of(), Map.of("CACHE_AGENT_CONFIG", "from-variable.yaml"));

    @Test
    void configLocation_bareArgumentIsTheRuleFile() {
        assertThat(AgentArguments.configLocation("rules.yaml", RuleFiles.EMPTY)).contains("rules.yaml");
    }

    @Test
    void configLocation_configKeyIsTheRuleFile() {
        assertThat(AgentArguments.configLocation("config=rules.yaml", RuleFiles.EMPTY)).contains("rules.yaml");
    }

    @Test
    void configLocation_configKeyAmongOtherPairs() {
        assertThat(AgentArguments.configLocation("debug=true, config=/etc/app/rules.yaml", RuleFiles.EMPTY))
                .contains("/etc/app/rules.yaml");
    }

    @Test
    void configLocation_bareFirstTokenFollowedByPairs() {
        assertThat(AgentArguments.configLocation("rules.yaml,debug=true", RuleFiles.EMPTY)).contains("rules.yaml");
    }

    @Test
    void configLocation_argumentWinsOverPropertyAndVariable() {
        assertThat(AgentArguments.configLocation("rules.yaml", PROPERTY_AND_VARIABLE)).contains("rules.yaml");
    }

    @Test
    void configLocation_propertyWinsOverVariable() {
        assertThat(AgentArguments.configLocation(null, PROPERTY_AND_VARIABLE)).contains("from-property.yaml");
    }

    @Test
    void configLocation_variableWhenNothingElse() {
        assertThat(AgentArguments.configLocation("", VARIABLE_ONLY)).contains("from-variable.yaml");
    }

    @Test
    void configLocation_argumentsWithoutConfigFallBackToProperty() {
        assertThat(AgentArguments.configLocation("debug=true", PROPERTY_AND_VARIABLE)).contains("from-property.yaml");
    }

    @Test
    void configLocation_emptyConfigValueFallsBack() {
        assertThat(AgentArguments.configLocation("config=", VARIABLE_ONLY)).contains("from-variable.yaml");
    }

    @Test
    void configLocation_emptyWhenNothingNamesAFile() {
        assertThat(AgentArguments.configLocation(null, RuleFiles.EMPTY)).isEmpty();
    }

    @Test
    void configLocation_blankPropertyIsIgnored() {
        Environment env = Environment.of(Map.of("cacheagent.config", "  "), Map.of("CACHE_AGENT_CONFIG", "v.yaml"));
        assertThat(AgentArguments.configLocation(null, env)).contains("v.yaml");
    }
}
