/**
 * The application under benchmark: ordinary classes with no caching code, which the agent instruments in the
 * benchmark JVMs that attach it. They live outside {@code dev.cacheagent} because the agent never instruments its
 * own packages. The origins are in-memory lookups, so a benchmark shows what the cache itself costs.
 */
package com.example.prompts;
