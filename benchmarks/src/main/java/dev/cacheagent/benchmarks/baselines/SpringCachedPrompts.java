package dev.cacheagent.benchmarks.baselines;

import com.example.prompts.StylePromptService;
import org.springframework.cache.annotation.Cacheable;

/** The style-prompt lookup cached with Spring's {@code @Cacheable}. */
class SpringCachedPrompts implements CachedPrompts {
    private final StylePromptService origin;

    SpringCachedPrompts(StylePromptService origin) {
        this.origin = origin;
    }

    @Override
    @Cacheable("prompts-by-arguments")
    public String getStylePrompt(String styleName) {
        return origin.getStylePromptWithoutRule(styleName);
    }

    @Override
    @Cacheable(cacheNames = "prompts-by-expression", key = "#styleName.trim().toLowerCase()")
    public String getStylePromptByExpressionKey(String styleName) {
        return origin.getStylePromptWithoutRule(styleName);
    }

    @Override
    public long originCalls() {
        return origin.originCalls();
    }
}
