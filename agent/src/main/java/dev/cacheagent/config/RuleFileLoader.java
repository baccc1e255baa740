package dev.cacheagent.config;

import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a rule file into a {@link RuleFile}, or fails with every error found in it, each with the
 * file, line and column, what is wrong and how to fix it.
 */
public final class RuleFileLoader {
    private RuleFileLoader() {}

    /** Reads the UTF-8 file at {@code file}; a file that cannot be read is an error at {@code file:1:1}. */
    public static RuleFile load(Path file, Environment env) throws ConfigException {
        return RuleFileText.read(file).parse(env);
    }

    /** Reads rule-file text; {@code fileName} is used in error positions. */
    public static RuleFile parse(String yaml, String fileName, Environment env) throws ConfigException {
        Problems problems = new Problems(fileName);
        Optional<Node> root = new YamlReader(fileName, problems).read(yaml);
        RuleFileSchema schema = new RuleFileSchema(new YamlTree(fileName, env, problems));
        Optional<RuleFile> file = root.flatMap(node -> schema.read(node, fileName));
        if (file.isEmpty() || !problems.isEmpty()) {
            throw problems.exception(schema.failFast());
        }
        return file.get();
    }
}
