package dev.cacheagent.benchmarks.baselines;

import com.example.prompts.StylePromptService;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring's cache abstraction with Caffeine behind it, bounded and expiring like the agent's {@code prompts} cache. */
@Configuration
@EnableCaching
public class SpringCacheConfig {
    /** Caffeine caches of at most 10,000 entries that expire 15 minutes after they are written. */
    @Bean
    public CacheManager cacheManager() {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(15)));
        return manager;
    }

    /** The cached service, reached through Spring's proxy. */
    @Bean
    public CachedPrompts prompts() {
        return new SpringCachedPrompts(new StylePromptService());
    }
}
