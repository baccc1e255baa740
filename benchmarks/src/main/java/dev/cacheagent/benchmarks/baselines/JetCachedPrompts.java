package dev.cacheagent.benchmarks.baselines;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import com.example.prompts.StylePromptService;

/** The style-prompt lookup cached with JetCache's {@code @Cached}: local, 10,000 entries, 15 minutes. */
class JetCachedPrompts implements CachedPrompts {
    private final StylePromptService origin;

    JetCachedPrompts(StylePromptService origin) {
        this.origin = origin;
    }

    @Override
    @Cached(name = "prompts-by-arguments.", cacheType = CacheType.LOCAL, expire = 900, localLimit = 10_000)
    public String getStylePrompt(String styleName) {
        return origin.getStylePromptWithoutRule(styleName);
    }

    @Override
    @Cached(name = "prompts-by-expression.", key = "#styleName.trim().toLowerCase()", cacheType = CacheType.LOCAL,
            expire = 900, localLimit = 10_000)
    public String getStylePromptByExpressionKey(String styleName) {
        return origin.getStylePromptWithoutRule(styleName);
    }

    @Override
    public long originCalls() {
        return origin.originCalls();
    }
}
