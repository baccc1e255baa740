package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

class YamlTreeTest {

    private static Node read(String yaml, Problems problems) {
        return new YamlReader(RuleFiles.FILE, problems).read(yaml).orElseThrow();
    }

    @Test
    void aliasExpansion_beyondTheBudget_isRejectedOnce() {
        Problems problems = new Problems(RuleFiles.FILE);
        // Three aliases of a four-item list stand for twelve values; the 11th value read is the second list's z.
        Node root = read("a: &a [x, y, z, w]\nb: [*a, *a, *a]\n", problems);
        YamlTree tree = new YamlTree(RuleFiles.FILE, RuleFiles.EMPTY, problems, 10);
        YamlMap map = tree.map(root, "rule file", "", "rule file").orElseThrow();
        List<Node> lists = map.list("b").orElseThrow();
        List<Optional<List<String>>> read = lists.stream()
                .map(list -> tree.list(list, "rule file", "b").map(items -> map.items("b", items, Scalar::asText)))
                .toList();

        assertThat(read.get(0)).contains(List.of("x", "y", "z", "w"));
        assertThat(read.get(2)).isEmpty();
        assertThat(problems.exception().errors()).extracting(ConfigError::message).containsExactly(
                "rules.yaml:1:14: rule file: the file expands to more than 10 values through its aliases — write the"
                        + " values out instead of repeating them through aliases");
    }
}
