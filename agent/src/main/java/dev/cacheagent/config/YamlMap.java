package dev.cacheagent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One mapping of the rule file, read key by key with typed getters that record what is wrong
 * instead of throwing. Every key the schema asks for, present or not, becomes a known key;
 * {@link #finish()} then reports the keys nobody asked for, with the nearest known one.
 *
 * <p>{@code where} names the rule, cache or section in messages; {@code prefix} is this mapping's
 * path inside it, so that a rule's nested keys read as {@code cache.ttl}.
 */
final class YamlMap {
    private final YamlTree tree;
    private final Position position;
    private final String where;
    private final String prefix;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    /** Required keys not given, with an example value; reported by {@link #finish()}. */
    private final Map<String, String> missing = new LinkedHashMap<>();

    /** A key of a mapping whose keys are names chosen by the user (caches, fields). */
    record Entry(String key, Position keyPosition, Node value) {}

    YamlMap(YamlTree tree, List<NodeTuple> tuples, Position position, String where, String prefix) {
        this.tree = tree;
        this.position = position;
        this.where = where;
        this.prefix = prefix;
        for (NodeTuple tuple : tuples) {
            add(tuple);
        }
    }

    private void add(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar)) {
            error(tree.position(keyNode), "a key must be a plain name, not a " + keyNode.getNodeType().name()
                    .toLowerCase(Locale.ROOT), "write the key as a word followed by ':'");
            return;
        }
        String key = scalar.getValue();
        NodeTuple first = entries.putIfAbsent(key, tuple);
        if (first != null) {
            error(tree.position(keyNode), "duplicate key '" + path(key) + "' (first at line "
                    + tree.position(first.getKeyNode()).line() + ")", "remove one of them");
        }
    }

    String where() {
        return where;
    }

    /** Where the mapping starts: the place to report a key that is missing. */
    Position position() {
        return position;
    }

    /** This mapping's own path in messages, e.g. {@code evict[0]}; empty for a section. */
    String path() {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** The key's path in messages, e.g. {@code cache.ttl}. */
    String path(String key) {
        return prefix + key;
    }

    YamlTree tree() {
        return tree;
    }

    Optional<Node> node(String key) {
        known.add(key);
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    boolean has(String key) {
        return node(key).isPresent();
    }

    /** Where the key itself is written, or the mapping's start when it is absent. */
    Position keyPosition(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? position : tree.position(tuple.getKeyNode());
    }

    /** Where the key's value is written, or the mapping's start when the key is absent. */
    Position valuePosition(String key) {
        return node(key).map(tree::position).orElse(position);
    }

    <T> Optional<T> optional(String key, Conversion<T> conversion) {
        return node(key).flatMap(node -> convert(node, path(key), conversion));
    }

    <T> T get(String key, Conversion<T> conversion, T otherwise) {
        return optional(key, conversion).orElse(otherwise);
    }

    /** A value that must be present; {@code example} shows the user a valid one. */
    <T> Optional<T> required(String key, Conversion<T> conversion, String example) {
        if (!has(key)) {
            missing(key, example);
            return Optional.empty();
        }
        return optional(key, conversion);
    }

    /** Records a required key that is not given; reported by {@link #finish()}, unless it was misspelt. */
    void missing(String key, String example) {
        known.add(key);
        missing.putIfAbsent(key, example);
    }

    /** A nested mapping, read as part of the same rule, cache or section. */
    Optional<YamlMap> map(String key) {
        return node(key).flatMap(node -> tree.map(node, where, path(key) + ".", path(key)));
    }

    /** A nested mapping that is a section of its own in messages, e.g. {@code agent.log}. */
    Optional<YamlMap> section(String key, String sectionWhere) {
        return node(key).flatMap(node -> tree.map(node, sectionWhere, "", path(key)));
    }

    Optional<List<Node>> list(String key) {
        return node(key).flatMap(node -> tree.list(node, where, path(key)));
    }

    /** A list of scalars, each converted; items that fail are reported and left out. */
    <T> Optional<List<T>> list(String key, Conversion<T> conversion) {
        return list(key).map(items -> items(key, items, conversion));
    }

    /** The items of the list under {@code key}, each converted; items that fail are reported and left out. */
    <T> List<T> items(String key, List<Node> items, Conversion<T> conversion) {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            convert(items.get(i), path(key) + "[" + i + "]", conversion).ifPresent(values::add);
        }
        return values;
    }

    /** A list of mappings, each read as part of the same rule, e.g. {@code evict[0].cache}. */
    Optional<List<YamlMap>> maps(String key) {
        return list(key).map(items -> {
            List<YamlMap> maps = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String item = path(key) + "[" + i + "]";
                tree.map(items.get(i), where, item + ".", item).ifPresent(maps::add);
            }
            return maps;
        });
    }

    /** Every key of a mapping whose keys the user chooses; none of them is unknown. */
    List<Entry> entries() {
        known.addAll(entries.keySet());
        return entries.values().stream()
                .map(t -> new Entry(((ScalarNode) t.getKeyNode()).getValue(), tree.position(t.getKeyNode()),
                        t.getValueNode()))
                .toList();
    }

    /** Reads any node of this mapping's subtree as a scalar of one kind; {@code path} names it. */
    <T> Optional<T> convert(Node node, String path, Conversion<T> conversion) {
        return tree.scalar(node, where, path).flatMap(scalar -> {
            try {
                return Optional.of(conversion.convert(scalar));
            } catch (InvalidValue e) {
                error(scalar.at(e.offset()), "'" + path + "' " + e.what(), e.fix());
                return Optional.empty();
            }
        });
    }

    void error(Position at, String what, String fix) {
        tree.problems().add(at, where, what, fix);
    }

    /**
     * Reports every key that no getter asked for, then every required key that is missing, except
     * one that an unknown key is a near miss of: "did you mean 'ttl'?" says it all.
     */
    void finish() {
        Set<String> misspelt = new LinkedHashSet<>();
        for (NodeTuple tuple : entries.values()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!known.contains(key)) {
                Optional<String> near = NearestName.to(key, known);
                near.ifPresent(misspelt::add);
                error(tree.position(tuple.getKeyNode()), "unknown key '" + path(key) + "'",
                        near.map(n -> "did you mean '" + n + "'?")
                                .orElse("remove it; the keys here are " + String.join(", ", known)));
            }
        }
        missing.forEach((key, example) -> {
            if (!misspelt.contains(key)) {
                error(position, "'" + path(key) + "' is missing", "add " + key + ": " + example);
            }
        });
    }
}
