package dev.cacheagent.config;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The composed rule file as the schema reads it: nodes become scalars (substituted), mappings and
 * lists, and every mismatch between what the schema expects and what the file holds is recorded
 * once, at the node, with no exception thrown.
 */
final class YamlTree {
    /**
     * Aliases let a small file stand for a large tree; past this many values read, the file is
     * rejected rather than expanded further.
     */
    static final int MAX_VALUES = 1_000_000;

    private final String file;
    private final Substitution substitution;
    private final Problems problems;
    private final int maxValues;
    private int values;

    YamlTree(String file, Environment env, Problems problems) {
        this(file, env, problems, MAX_VALUES);
    }

    YamlTree(String file, Environment env, Problems problems, int maxValues) {
        this.file = file;
        this.substitution = new Substitution(env);
        this.problems = problems;
        this.maxValues = maxValues;
    }

    Problems problems() {
        return problems;
    }

    Position position(Node node) {
        return node.getStartMark()
                .map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Position(file, 1, 1));
    }

    /** A scalar, with {@code ${…}} substituted; {@code path} names it in messages. */
    Optional<Scalar> scalar(Node node, String where, String path) {
        if (overBudget(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            wrongShape(node, where, path, "a single value", "write one value, e.g. " + path + ": value");
            return Optional.empty();
        }
        Scalar raw = new Scalar(scalar.getValue(), style(scalar.getScalarStyle()), position(node));
        try {
            return Optional.of(new Scalar(substitution.apply(raw.text()), raw.style(), raw.position()));
        } catch (InvalidValue e) {
            problems.add(raw.at(e.offset()), where, "'" + path + "' " + e.what(), e.fix());
            return Optional.empty();
        }
    }

    /** A mapping; {@code key:} with nothing after it reads as an empty mapping. */
    Optional<YamlMap> map(Node node, String where, String prefix, String path) {
        if (overBudget(node)) {
            return Optional.empty();
        }
        if (isNull(node)) {
            return Optional.of(new YamlMap(this, List.of(), position(node), where, prefix));
        }
        if (!(node instanceof MappingNode mapping)) {
            wrongShape(node, where, path, "a mapping", "write it as 'key: value' lines or as { key: value }");
            return Optional.empty();
        }
        return Optional.of(new YamlMap(this, mapping.getValue(), position(node), where, prefix));
    }

    /** A list; {@code key:} with nothing after it reads as an empty list. */
    Optional<List<Node>> list(Node node, String where, String path) {
        if (overBudget(node)) {
            return Optional.empty();
        }
        if (isNull(node)) {
            return Optional.of(List.of());
        }
        if (!(node instanceof SequenceNode sequence)) {
            wrongShape(node, where, path, "a list", "write it as [a, b] or as one '- item' a line");
            return Optional.empty();
        }
        return Optional.of(sequence.getValue());
    }

    /** The raw text of a scalar value in a mapping, without checks; for labels only. */
    Optional<String> peek(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            return map.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                    .findFirst()
                    .filter(t -> t.getValueNode() instanceof ScalarNode)
                    .map(t -> ((ScalarNode) t.getValueNode()).getValue());
        }
        return Optional.empty();
    }

    private boolean overBudget(Node node) {
        values++;
        if (values == maxValues + 1) {
            problems.add(position(node), "rule file", "the file expands to more than " + maxValues
                    + " values through its aliases", "write the values out instead of repeating them through aliases");
        }
        return values > maxValues;
    }

    /** {@code []}, or a key with nothing after it. */
    static boolean isEmptyList(Node node) {
        return isNull(node) || node instanceof SequenceNode sequence && sequence.getValue().isEmpty();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && Scalar.isNullText(scalar.getValue());
    }

    private void wrongShape(Node node, String where, String path, String expected, String fix) {
        problems.add(position(node), where, "'" + path + "' must be " + expected + ", not " + shape(node), fix);
    }

    private static String shape(Node node) {
        return switch (node.getNodeType()) {
            case SCALAR -> "a single value";
            case SEQUENCE -> "a list";
            case MAPPING -> "a mapping";
            case ANCHOR -> "an anchor";
        };
    }

    private static Scalar.Style style(ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
            return Scalar.Style.QUOTED;
        }
        return style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED ? Scalar.Style.BLOCK : Scalar.Style.PLAIN;
    }
}
