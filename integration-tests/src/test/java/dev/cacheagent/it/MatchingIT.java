package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent instruments that a proxy-based cache cannot: private methods called from inside the
 * class, static and final methods, final classes found by their interface, one overload of several.
 */
class MatchingIT {
    @TempDir
    Path dir;

    @Test
    void privateStaticFinalAndSelfCalledMethods_areCached_andOnlyTheSelectedOverload() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  shapes: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: private-lookup
                    match: { type: fixture.shapes.Catalog, method: lookup }
                    cache: { use: shapes, key: "'lookup:' + #p0" }
                  - name: static-count
                    match: { glob: "fixture.*.Catalog", method: "cou*" }
                    cache: { use: shapes, key: "'count:' + #p0" }
                  - name: final-label
                    match: { type: fixture.shapes.Catalog, method: label }
                    cache: { use: shapes, key: "'label:' + #p0" }
                  - name: one-overload
                    match: { type: fixture.shapes.Catalog, method: find, params: [String] }
                    cache: { use: shapes, key: "'find:' + #p0" }
                  - name: every-shape
                    match: { subtypeOf: fixture.shapes.Shape, method: area }
                    cache: { use: shapes, key: "'area:' + #scale" }
                """);
        ChildJvm app = ChildJvm.java().agent(rules)
                .mainClass(System.getProperty("fixture.classes"), "fixture.shapes.MatchingApp").run();

        assertThat(app.stdout()).as(app.transcript())
                .containsExactly("lookups=1 counts=1 labels=1 finds=4 areas=1");
        assertThat(Events.from(app.stderr()).named("rule_applied")).extracting(e -> e.path("method").asText())
                .containsExactlyInAnyOrder("fixture.shapes.Catalog#lookup", "fixture.shapes.Catalog#count",
                        "fixture.shapes.Catalog#label", "fixture.shapes.Catalog#find", "fixture.shapes.Square#area");
    }

    @Test
    void dumpClassesProperty_writesEachRewrittenClassBeforeAndAfter() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  shapes: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: private-lookup
                    match: { type: fixture.shapes.Catalog, method: lookup }
                    cache: { use: shapes, key: "#p0" }
                """);
        Path dump = dir.resolve("dump");
        ChildJvm app = ChildJvm.java().agent(rules).jvmArg("-Dcacheagent.dumpClasses=" + dump)
                .mainClass(System.getProperty("fixture.classes"), "fixture.shapes.MatchingApp").run();

        assertThat(app.stdout()).as(app.transcript()).containsExactly("lookups=1 counts=3 labels=3 finds=6 areas=3");
        try (var files = Files.list(dump)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("fixture.shapes.Catalog-original.class", "fixture.shapes.Catalog.class");
        }
        byte[] original = Files.readAllBytes(Path.of(System.getProperty("fixture.classes"), "fixture/shapes/Catalog.class"));
        assertThat(Files.readAllBytes(dump.resolve("fixture.shapes.Catalog-original.class"))).isEqualTo(original);
        assertThat(Files.readAllBytes(dump.resolve("fixture.shapes.Catalog.class"))).isNotEqualTo(original);
    }
}
