package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key expression's members are called through hidden classes that hold their method handles as
 * constants (so that the JIT inlines them): the agent's core defines them from the template class file
 * it reads out of its own jar, loaded by the agent's class loader, as a user attaches it.
 */
class KeyExpressionIT {
    @TempDir
    Path dir;

    @Test
    void keyOfAMethodChain_isCalledThroughHiddenClassesOfTheAgentsCore() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  shapes: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: one-overload
                    match: { type: fixture.shapes.Catalog, method: find, params: [String] }
                    cache: { use: shapes, key: "#p0.trim().toLowerCase()" }
                """);
        Path classLog = dir.resolve("classes.log");
        ChildJvm app = ChildJvm.java().agent(rules).jvmArg("-Xlog:class+load=info:file=" + classLog + ":uptime,tid")
                .mainClass(System.getProperty("fixture.classes"), "fixture.shapes.MatchingApp").run();

        assertThat(app.stdout()).as(app.transcript())
                .containsExactly("lookups=3 counts=3 labels=3 finds=4 areas=3");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("the templates themselves are never loaded")
                .noneMatch(l -> l.contains(" dev.cacheagent.expression.ConstantCall ")
                        || l.contains(" dev.cacheagent.expression.FusedCall2 "));
        // The application's thread (the agent's own start thread warms up with an expression of its own):
        // trim() and toLowerCase(), each in its own class, and the two fused into one (FusedCall2).
        String mainThread = loaded.stream().filter(l -> l.contains(" fixture.shapes.MatchingApp ")).findFirst()
                .map(ClassLoadLog::thread).orElseThrow();
        List<String> onMain = loaded.stream().filter(l -> ClassLoadLog.thread(l).equals(mainThread)).toList();
        String agentClasses = String.join("\n", onMain.stream().filter(l -> l.contains("dev.cacheagent.expression")).toList());
        assertThat(onMain.stream().filter(l -> l.contains(" dev.cacheagent.expression.ConstantCall/0x")))
                .as(agentClasses).hasSize(2);
        assertThat(onMain.stream().filter(l -> l.contains(" dev.cacheagent.expression.FusedCall2/0x")))
                .as(agentClasses).hasSize(1);
    }
}
