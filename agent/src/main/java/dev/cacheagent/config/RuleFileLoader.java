package dev.cacheagent.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a rule file into a {@link RuleFile}, or fails with every error found in it, each with the
 * file, line and column, what is wrong and how to fix it.
 */
public final class RuleFileLoader {
    /** Enough bytes for the largest file {@link YamlReader} accepts, in UTF-8. */
    private static final long MAX_BYTES = 4L * YamlReader.MAX_CODE_POINTS;

    private RuleFileLoader() {}

    /** Reads the UTF-8 file at {@code file}; a file that cannot be read is an error at {@code file:1:1}. */
    public static RuleFile load(Path file, Environment env) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw error(name, "the file is larger than 1 MiB", "keep the rule file under 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw error(name, "the file does not exist", "check the path; a relative path is read from "
                    + Path.of("").toAbsolutePath());
        } catch (AccessDeniedException e) {
            throw error(name, "the file cannot be read: permission denied",
                    "let the user running the application read it");
        } catch (MalformedInputException e) {
            throw error(name, "the file is not UTF-8 text", "save it as UTF-8");
        } catch (IOException e) {
            throw error(name, "the file cannot be read: " + e, "check that the path names a readable file");
        }
        return parse(text, name, env);
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

    private static ConfigException error(String file, String what, String fix) {
        return new ConfigException(List.of(new ConfigError(new Position(file, 1, 1), "rule file", what, fix)));
    }
}
