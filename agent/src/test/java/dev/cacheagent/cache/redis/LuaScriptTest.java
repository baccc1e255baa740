package dev.cacheagent.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Against the machine's Redis (127.0.0.1:6379), as the other Redis tier tests. */
class LuaScriptTest {
    private static final JedisPooled REDIS = new JedisPooled("redis://127.0.0.1:6379");
    private static final String BODY = "return 'echo:' .. ARGV[1] .. ':" + System.nanoTime() + "'";

    @AfterAll
    static void close() {
        REDIS.close();
    }

    private static String run(LuaScript script, String argument) {
        Object reply = script.run(REDIS, List.of(), List.of(argument.getBytes(StandardCharsets.UTF_8)));
        return new String((byte[]) reply, StandardCharsets.UTF_8);
    }

    @Test
    void run_aScriptTheServerDoesNotKnow_sendsItWholeAndTheServerRemembersIt() {
        LuaScript script = LuaScript.of(BODY);
        String sha1 = REDIS.scriptLoad(BODY);
        REDIS.scriptFlush();
        assertThat(REDIS.scriptExists(List.of(sha1))).containsExactly(false);

        assertThat(run(script, "a")).startsWith("echo:a:");
        assertThat(REDIS.scriptExists(List.of(sha1))).as("EVAL leaves the script in the server's cache").containsExactly(true);
    }

    @Test
    void run_aScriptTheServerKnows_answersTheSame() {
        LuaScript script = LuaScript.of(BODY);
        REDIS.scriptLoad(BODY);

        assertThat(run(script, "b")).startsWith("echo:b:");
    }
}
