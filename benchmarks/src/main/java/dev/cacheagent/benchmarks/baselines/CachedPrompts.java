package dev.cacheagent.benchmarks.baselines;

/** The style-prompt lookup as a Spring bean interface: what the frameworks' proxies implement. */
public interface CachedPrompts {
    /** Cached with the framework's default key (the arguments). */
    String getStylePrompt(String styleName);

    /** Cached with the key expression {@code #styleName.trim().toLowerCase()}. */
    String getStylePromptByExpressionKey(String styleName);

    /** How many calls reached the method behind the cache. */
    long originCalls();
}
