package dev.cacheagent.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Turns the text of a rule file into a YAML node tree, accepting plain data only.
 *
 * <p>Each of the parser's events is checked before the composer sees it, rejecting what a rule file never
 * needs and a hostile one could use: explicit tags (which would name types), more than one
 * document, nesting deeper than {@value #MAX_DEPTH} (the composer recurses per level), more than
 * {@value #MAX_ALIASES} aliases to collections (alias bombs) and aliases to a collection from
 * inside itself. One pass: the file is scanned once, on the agent's start thread while the application
 * starts. Duplicate keys are left to {@link YamlMap}, which knows where both are.
 */
final class YamlReader {
    static final int MAX_CODE_POINTS = 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_ALIASES = 50;
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final String WHERE = "YAML";

    private final String file;
    private final Problems problems;
    private final LoadSettings settings;

    YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
        this.settings = LoadSettings.builder()
                .setLabel(file)
                .setCodePointLimit(MAX_CODE_POINTS + 1)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                // Non-scalar keys are reported by YamlMap, with their position.
                .setAllowNonScalarKeys(true)
                .setUseMarks(true)
                // Tags are never resolved for a rule file (Scalar reads the text itself): the failsafe schema spares
                // matching every plain scalar against the JSON schema's regular expressions while the application starts.
                .setSchema(new FailsafeSchema())
                .build();
    }

    /** The document's root node; empty when the text is not acceptable (the problems say why). */
    Optional<Node> read(String text) {
        String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int size = yaml.codePointCount(0, yaml.length());
        if (size > MAX_CODE_POINTS) {
            problems.add(start(), "rule file", "the file has " + size + " characters, more than the limit of "
                    + MAX_CODE_POINTS, "keep the rule file under 1 MiB");
            return Optional.empty();
        }
        Checks checks = new Checks();
        Optional<Node> root;
        try {
            root = new Composer(settings, new CheckedParser(new ParserImpl(settings, new StreamReader(settings, yaml)),
                    checks)).getSingleNode();
        } catch (Refused e) {
            return Optional.empty();
        } catch (YamlEngineException e) {
            syntaxError(e, yaml);
            return Optional.empty();
        }
        if (!checks.passed) {
            return Optional.empty();
        }
        if (root.isEmpty()) {
            problems.add(start(), "rule file", "the file is empty", "start it with 'version: 1'");
        }
        return root;
    }

    /** Stops composing: reading further makes no sense (the problem is recorded). */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /**
     * The parser as the composer sees it: every event passes the checks once, when the composer first peeks at it
     * or takes it, so nothing is composed past an event that stops the reading.
     */
    private static final class CheckedParser implements Parser {
        private final Parser parser;
        private final Checks checks;
        private Event lastChecked;

        CheckedParser(Parser parser, Checks checks) {
            this.parser = parser;
            this.checks = checks;
        }

        private Event checked(Event event) {
            if (event != lastChecked) {
                lastChecked = event;
                if (!checks.accept(event)) {
                    throw new Refused();
                }
            }
            return event;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.hasNext() && peekEvent().getEventId() == choice;
        }

        @Override
        public Event peekEvent() {
            return checked(parser.peekEvent());
        }

        @Override
        public Event next() {
            return checked(parser.next());
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }
    }

    /** The running state of the checks. */
    private final class Checks {
        private final Deque<Optional<Anchor>> open = new ArrayDeque<>();
        private final Map<Anchor, Integer> openAnchors = new HashMap<>();
        private int documents;
        private int aliases;
        private boolean passed = true;

        /** Checks one event; false when reading further makes no sense. */
        boolean accept(Event event) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (++documents > 1) {
                        fail(event.getStartMark(), "the file holds more than one YAML document ('---')",
                                "keep one document: remove this '---' and what follows, or merge the documents");
                        return false;
                    }
                }
                case Scalar -> checkTag(event, ((ScalarEvent) event).getTag());
                case MappingStart, SequenceStart -> {
                    checkTag(event, ((CollectionStartEvent) event).getTag());
                    if (open.size() >= MAX_DEPTH) {
                        fail(event.getStartMark(), "values are nested more than " + MAX_DEPTH + " levels deep",
                                "flatten the structure; a rule file needs only a few levels");
                        return false;
                    }
                    Optional<Anchor> anchor = ((NodeEvent) event).getAnchor();
                    anchor.ifPresent(a -> openAnchors.merge(a, 1, Integer::sum));
                    open.push(anchor);
                }
                case MappingEnd, SequenceEnd -> open.pop()
                        .ifPresent(a -> openAnchors.computeIfPresent(a, (k, n) -> n == 1 ? null : n - 1));
                case Alias -> {
                    return checkAlias((AliasEvent) event);
                }
                default -> {
                    // stream and document boundaries, comments: nothing to check
                }
            }
            return true;
        }

        private void checkTag(Event event, Optional<String> tag) {
            tag.ifPresent(t -> fail(event.getStartMark(), "explicit tag '" + shortTag(t) + "' is not allowed",
                    "remove the tag: a rule file holds plain values, lists and mappings only"));
        }

        private boolean checkAlias(AliasEvent event) {
            if (openAnchors.containsKey(event.getAlias())) {
                fail(event.getStartMark(),
                        "alias *" + event.getAlias().getValue() + " refers to a value that contains it",
                        "remove the alias; recursive structures are not allowed");
                return false;
            }
            if (++aliases > MAX_ALIASES) {
                fail(event.getStartMark(), "the file uses more than " + MAX_ALIASES + " aliases",
                        "write the values out instead of repeating them through aliases");
                return false;
            }
            return true;
        }

        private void fail(Optional<Mark> mark, String what, String fix) {
            passed = false;
            problems.add(position(mark), WHERE, what, fix);
        }
    }

    private void syntaxError(YamlEngineException e, String yaml) {
        if (e instanceof MarkedYamlEngineException marked) {
            Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
            String context = marked.getContext() == null ? ""
                    : " (" + marked.getContext() + marked.getContextMark()
                            .map(m -> " that starts at line " + (m.getLine() + 1)).orElse("") + ")";
            problems.add(position(mark), WHERE, "syntax error: " + marked.getProblem() + context,
                    substitutionInFlow(marked, yaml)
                            ? "quote values that use ${…} inside { } or [ ], e.g. ttl: \"${TTL:10m}\": there '{' and"
                                    + " '}' are YAML punctuation"
                            : "check the indentation and punctuation here: keys end with ':', list items start with"
                                    + " '- ', values with ': ' or '#' need quotes");
        } else {
            problems.add(start(), WHERE, "cannot read the file: " + e.getMessage(),
                    "check that it is a plain YAML document");
        }
    }

    /** The trap of writing {@code { ttl: ${TTL:10m} }}: a flow collection ends at the first '}'. */
    private static boolean substitutionInFlow(MarkedYamlEngineException e, String yaml) {
        return e.getContext() != null && e.getContext().contains("flow")
                && e.getProblemMark().map(m -> line(yaml, m.getLine()).contains("${")).orElse(false);
    }

    private static String line(String yaml, int index) {
        return yaml.lines().skip(index).findFirst().orElse("");
    }

    private static String shortTag(String tag) {
        return tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
    }

    private Position position(Optional<Mark> mark) {
        return mark.map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1)).orElseGet(this::start);
    }

    private Position start() {
        return new Position(file, 1, 1);
    }
}
