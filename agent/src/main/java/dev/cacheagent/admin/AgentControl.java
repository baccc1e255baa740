package dev.cacheagent.admin;

import dev.cacheagent.runtime.CacheRuntime;

/**
 * The running agent as the admin API and the MBeans operate it: the runtime of the rule file in force
 * (replaced by each reload, so always asked for afresh), the agent's state, and a reload.
 */
public interface AgentControl {

    /** The runtime of the rule file in force now. */
    CacheRuntime runtime();

    /** When the rule file was loaded, how many reloads, the last refused one. */
    AgentStatus status();

    /**
     * Reads the rule file again and applies it, or refuses it and keeps the running configuration.
     *
     * @param trigger what asked for it, for the {@code config_reloaded} event: {@code admin}, {@code file}
     */
    ReloadResult reload(String trigger);
}
