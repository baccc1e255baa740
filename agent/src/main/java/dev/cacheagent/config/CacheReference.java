package dev.cacheagent.config;

/**
 * A rule naming a cache ({@code use}, {@code evict[].cache}, {@code put[].cache}); checked once
 * every cache, named or private, is known.
 */
record CacheReference(String cache, Position position, String where, String path) {

    static CacheReference to(YamlMap map, String key, String cache) {
        return new CacheReference(cache, map.valuePosition(key), map.where(), map.path(key));
    }
}
