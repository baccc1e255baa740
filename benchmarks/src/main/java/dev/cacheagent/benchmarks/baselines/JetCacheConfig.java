package dev.cacheagent.benchmarks.baselines;

import com.alicp.jetcache.CacheBuilder;
import com.alicp.jetcache.anno.CacheConsts;
import com.alicp.jetcache.anno.config.EnableMethodCache;
import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import com.alicp.jetcache.anno.support.JetCacheBaseBeans;
import com.alicp.jetcache.embedded.CaffeineCacheBuilder;
import com.alicp.jetcache.support.Fastjson2KeyConvertor;
import com.example.prompts.StylePromptService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * JetCache's method cache configured by hand (its "without Spring Boot" setup), with a Caffeine local cache and
 * the fastjson2 key convertor its documentation uses: without a convertor, the default key (the argument array)
 * would never equal the next call's and every call would miss.
 */
@Configuration
@EnableMethodCache(basePackages = "dev.cacheagent.benchmarks.baselines")
@Import(JetCacheBaseBeans.class)
public class JetCacheConfig {
    /** Local caches only, no statistics thread. */
    @Bean
    public GlobalCacheConfig globalCacheConfig() {
        Map<String, CacheBuilder> local = new HashMap<>();
        local.put(CacheConsts.DEFAULT_AREA,
                CaffeineCacheBuilder.createCaffeineCacheBuilder().keyConvertor(Fastjson2KeyConvertor.INSTANCE));
        GlobalCacheConfig config = new GlobalCacheConfig();
        config.setLocalCacheBuilders(local);
        config.setRemoteCacheBuilders(new HashMap<>());
        config.setStatIntervalMinutes(0);
        return config;
    }

    /** The cached service, reached through JetCache's proxy. */
    @Bean
    public CachedPrompts prompts() {
        return new JetCachedPrompts(new StylePromptService());
    }
}
