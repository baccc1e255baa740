package dev.cacheagent.admin;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The MBeans under {@code dev.cacheagent}, on an MBeanServer of the test's own. */
class AgentMBeansTest {
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final TestAgent agent;
    private final AgentMBeans beans;

    AgentMBeansTest() throws Exception {
        agent = new TestAgent(AdminServerTest.RULES);
        beans = new AgentMBeans(agent, server);
        beans.sync();
    }

    @Test
    void cacheBean_readsTheCachesFigures() throws Exception {
        int site = agent.bind("prompt", "com.example.Prompts", "style");
        agent.call(site, () -> "oil", "classic");
        agent.call(site, () -> "oil", "classic");
        ObjectName prompts = new ObjectName("dev.cacheagent:type=Cache,name=prompts");

        assertThat(server.getAttribute(prompts, "Hits")).isEqualTo(1L);
        assertThat(server.getAttribute(prompts, "Misses")).isEqualTo(1L);
        assertThat(server.getAttribute(prompts, "HitRate")).isEqualTo(0.5);
        assertThat(server.getAttribute(prompts, "Size")).isEqualTo(1L);
        assertThat(server.getAttribute(prompts, "Tier")).isEqualTo("local");
        assertThat(server.getAttribute(prompts, "SavedCost")).isEqualTo(0.5);
    }

    @Test
    void ruleBean_saysWhetherTheRuleIsOnAndWhereItApplies() throws Exception {
        agent.bind("prompt", "com.example.Prompts", "style");
        ObjectName prompt = new ObjectName("dev.cacheagent:type=Rule,name=prompt");

        agent.runtime().enableRule("prompt", false);

        assertThat(server.getAttribute(prompt, "Enabled")).isEqualTo(false);
        assertThat((String[]) server.getAttribute(prompt, "Methods")).containsExactly("com.example.Prompts#get");
        assertThat(server.getAttribute(prompt, "Cache")).isEqualTo("prompts");
    }

    @Test
    void sync_afterAReloadThatRemovedACache_unregistersItsBean() throws Exception {
        agent.yaml = AdminServerTest.RULES.replace("  logins: { ttl: 10m, maxEntries: 100 }\n", "")
                .replace("cache: { use: logins }", "log: {}");
        agent.reload("admin");

        beans.sync();

        assertThat(server.isRegistered(new ObjectName("dev.cacheagent:type=Cache,name=logins"))).isFalse();
        assertThat(server.isRegistered(new ObjectName("dev.cacheagent:type=Cache,name=prompts"))).isTrue();
    }

    @Test
    void close_unregistersEveryBean() throws Exception {
        beans.close();

        assertThat(server.queryNames(new ObjectName("dev.cacheagent:*"), null)).isEmpty();
    }

    @Test
    void name_withCharactersObjectNamesReserve_isQuoted() throws Exception {
        assertThat(AgentMBeans.name("Cache", "a,b").getKeyProperty("name")).isEqualTo("\"a,b\"");
    }
}
