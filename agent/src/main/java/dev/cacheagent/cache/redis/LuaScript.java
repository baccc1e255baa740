package dev.cacheagent.cache.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script the agent runs on Redis, sent by its SHA-1 ({@code EVALSHA}) so that a lookup carries its
 * key and arguments, not the script's text. A server that does not know the script yet (first use, a
 * restart, {@code SCRIPT FLUSH}, another Cluster node) answers {@code NOSCRIPT}, and the script is sent
 * whole ({@code EVAL}), which also makes the server remember it.
 */
final class LuaScript {
    private final byte[] body;
    private final byte[] sha1;

    private LuaScript(byte[] body, byte[] sha1) {
        this.body = body;
        this.sha1 = sha1;
    }

    static LuaScript of(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
            return new LuaScript(bytes, hex.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Runs the script with these keys and arguments; what Redis answered. */
    Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
        try {
            return redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException unknownThere) {
            return redis.eval(body, keys, args);
        }
    }
}
