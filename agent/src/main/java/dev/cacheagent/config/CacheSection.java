package dev.cacheagent.config;

import dev.cacheagent.config.CacheSpec.Codec;
import dev.cacheagent.config.CacheSpec.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one cache: an entry of {@code caches:} or the inline settings of a rule's {@code cache:}. */
final class CacheSection {
    /** The keys of a cache's settings, which a rule's {@code cache:} may give inline. */
    static final List<String> KEYS = List.of("tier", "ttl", "maxEntries", "jitter", "localTtl", "refreshAhead",
            "staleIfError", "codec", "allowClasses");

    private static final Duration LOCAL_TTL_CAP = Duration.ofSeconds(30);
    private static final Pattern CLASS_PATTERN = Pattern.compile("[\\w$]+(\\.[\\w$]+)*(\\.\\*\\*?)?|\\*");

    CacheSpec read(String name, YamlMap cache) {
        Tier tier = cache.get("tier", Scalar.choice(Tier.class), Tier.LOCAL);
        Duration ttl = cache.required("ttl", Scalar::asPositiveDuration, "10m").orElse(null);
        long maxEntries = maxEntries(cache, tier);
        double jitter = cache.get("jitter", Scalar::asPercent, 0.0);
        Duration localTtl = localTtl(cache, tier, ttl);
        Double refreshAhead = cache.optional("refreshAhead", CacheSection::refreshShare).orElse(null);
        Duration staleIfError = cache.optional("staleIfError", Scalar::asPositiveDuration).orElse(null);
        Codec codec = codec(cache, tier);
        List<String> allowClasses = allowClasses(cache, codec);
        return new CacheSpec(name, tier, ttl, maxEntries, jitter, localTtl, refreshAhead, staleIfError, codec,
                allowClasses, cache.position());
    }

    private static long maxEntries(YamlMap cache, Tier tier) {
        if (tier == Tier.REDIS) {
            if (cache.has("maxEntries")) {
                cache.error(cache.keyPosition("maxEntries"), "'" + cache.path("maxEntries")
                        + "' does not apply to tier redis", "remove it; Redis entries are bounded by ttl");
            }
            return 0;
        }
        return cache.required("maxEntries", Scalar::asPositiveInteger, "10000").orElse(0L);
    }

    private static Duration localTtl(YamlMap cache, Tier tier, Duration ttl) {
        Optional<Duration> given = cache.optional("localTtl", Scalar::asPositiveDuration);
        if (tier != Tier.TWO_LEVEL) {
            if (cache.has("localTtl")) {
                cache.error(cache.keyPosition("localTtl"), "'" + cache.path("localTtl")
                        + "' applies to tier two-level only", "remove it, or set tier: two-level");
            }
            return null;
        }
        if (ttl == null) {
            return given.orElse(null);
        }
        if (given.isPresent() && given.get().compareTo(ttl) > 0) {
            cache.error(cache.valuePosition("localTtl"), "'" + cache.path("localTtl") + "' is longer than 'ttl'",
                    "make it at most the ttl, or leave it out for the smaller of ttl and 30s");
        }
        return given.orElse(ttl.compareTo(LOCAL_TTL_CAP) < 0 ? ttl : LOCAL_TTL_CAP);
    }

    private static double refreshShare(Scalar scalar) throws InvalidValue {
        double share = scalar.asPercent();
        if (share <= 0 || share >= 1) {
            throw new InvalidValue("must be between 0% and 100%, not " + scalar.text(),
                    "write the share of ttl after which a hit reloads the entry, e.g. 80%");
        }
        return share;
    }

    private static Codec codec(YamlMap cache, Tier tier) {
        Optional<Codec> codec = cache.optional("codec", Scalar.choice(Codec.class));
        if (tier == Tier.LOCAL) {
            if (cache.has("codec")) {
                cache.error(cache.keyPosition("codec"), "'" + cache.path("codec")
                        + "' applies to tiers redis and two-level only", "remove it; a local cache keeps the objects");
            }
            return null;
        }
        return codec.orElse(Codec.JSON);
    }

    private static List<String> allowClasses(YamlMap cache, Codec codec) {
        List<String> classes = cache.list("allowClasses", CacheSection::classPattern).orElse(List.of());
        if (cache.has("allowClasses") && codec != Codec.JAVA) {
            cache.error(cache.keyPosition("allowClasses"), "'" + cache.path("allowClasses")
                    + "' applies to codec java only", "remove it, or set codec: java");
        }
        return classes;
    }

    private static String classPattern(Scalar scalar) throws InvalidValue {
        String text = scalar.asText();
        if (!CLASS_PATTERN.matcher(text).matches()) {
            throw new InvalidValue("must be a class name or a package pattern, not " + scalar.shown(),
                    "write e.g. com.example.model.Prompt or com.example.model.*");
        }
        return text;
    }
}
