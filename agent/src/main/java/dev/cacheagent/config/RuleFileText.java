package dev.cacheagent.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule file read but not yet parsed. Parsing and checking a rule file loads a YAML parser and the
 * whole schema, which the agent does in the background while the application starts; what the agent
 * must know before the application's {@code main} runs is read from the text alone, cheaply and on the
 * safe side: which classes the rules could select ({@link #selectableTypes}), and whether a bad file
 * must stop the JVM ({@link #mayFailFast}).
 */
public final class RuleFileText {
    /** Enough bytes for the largest file {@link YamlReader} accepts, in UTF-8. */
    private static final long MAX_BYTES = 4L * YamlReader.MAX_CODE_POINTS;

    private final String name;
    private final String text;

    RuleFileText(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Reads the UTF-8 file at {@code file}; a file that cannot be read is an error at {@code file:1:1}. */
    public static RuleFileText read(Path file) throws ConfigException {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw error(name, "the file is larger than 1 MiB", "keep the rule file under 1 MiB");
            }
            return new RuleFileText(name, Files.readString(file, StandardCharsets.UTF_8));
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
    }

    /** Parses and checks the file: every error found, each with its line and column. */
    public RuleFile parse(Environment env) throws ConfigException {
        return RuleFileLoader.parse(text, name, env);
    }

    /**
     * Every class name and glob the file's rules could select, and more: each word of the text that has
     * the shape of a class name or a class glob, in the text as written and after {@code ${…}} substitution,
     * and, if it has a backslash, also with YAML's escapes decoded (a double-quoted value may spell a name
     * with them). A rule's type is one such word whatever YAML style wrote it, so whatever the file's rules
     * select is in this set. Where the text alone cannot tell, every class: a {@code subtypeOf} rule (it
     * selects by supertype, not by name), a substitution that fails.
     */
    public SelectableTypes selectableTypes(Environment env) {
        Set<String> names = new HashSet<>();
        Set<String> globs = new HashSet<>();
        for (String variant : variants()) {
            String resolved;
            try {
                resolved = new Substitution(env).apply(variant);
            } catch (InvalidValue e) {
                return SelectableTypes.ALL;
            }
            // Both: a ${ left open in a comment could swallow a rule's type in the substituted text.
            if (!collectWords(variant, names, globs) || !collectWords(resolved, names, globs)) {
                return SelectableTypes.ALL;
            }
        }
        return new SelectableTypes(false, Set.copyOf(names), List.copyOf(globs));
    }

    /** The text as written, and with YAML's double-quoted escapes decoded everywhere when it has any. */
    private List<String> variants() {
        return text.indexOf('\\') < 0 ? List.of(text) : List.of(text, decodeEscapes(text));
    }

    /**
     * The text with the escapes of YAML's double-quoted style decoded wherever they are (outside quotes this
     * only adds words): the hexadecimal escapes ({@code x}, {@code u} and {@code U} after a backslash) become
     * their character, an escaped line break joins the lines, and any other escape a character no name holds.
     */
    static String decodeEscapes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char escape = text.charAt(i + 1);
            int digits = escape == 'x' ? 2 : escape == 'u' ? 4 : escape == 'U' ? 8 : 0;
            if (digits > 0 && i + 2 + digits <= text.length() && isHex(text, i + 2, digits)) {
                int codePoint = Integer.parseUnsignedInt(text, i + 2, i + 2 + digits, 16);
                if (Character.isValidCodePoint(codePoint)) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append(' ');
                }
                i += 2 + digits;
            } else if (escape == '\n' || escape == '\r') {
                i += 2;
                while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
            } else {
                out.append(' ');
                i += 2;
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds the words shaped like class names and globs; {@code false} on {@code subtypeOf}. */
    private static boolean collectWords(String text, Set<String> names, Set<String> globs) {
        int i = 0;
        while (i < text.length()) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            if (word.equals("subtypeOf")) {
                return false;
            }
            if (Names.isType(word)) {
                names.add(word);
            } else if (word.indexOf('*') >= 0 && Names.isTypeGlob(word)) {
                globs.add(word);
            }
        }
        return true;
    }

    /**
     * Whether the file may ask for {@code agent.onConfigError: fail}, which must stop the JVM before the
     * application's {@code main} when the file is bad: such a file is parsed before {@code main}. Only a
     * file that never names the setting (as written, or spelled with escapes), or that writes
     * {@code onConfigError: disable} on a line of its own, is sure not to.
     */
    public boolean mayFailFast() {
        for (String variant : variants()) {
            for (String line : variant.split("\n", -1)) {
                if (line.contains("onConfigError") && !isDisableOnError(line.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code onConfigError: disable}, the value plain or quoted, then at most a comment: the one spelling of
     * the setting that lets a bad file leave the application running. By hand: {@code premain} runs it.
     */
    private static boolean isDisableOnError(String line) {
        String key = "onConfigError";
        if (!line.startsWith(key)) {
            return false;
        }
        String rest = line.substring(key.length()).stripLeading();
        if (!rest.startsWith(":")) {
            return false;
        }
        rest = rest.substring(1).stripLeading();
        for (String value : List.of("disable", "\"disable\"", "'disable'")) {
            if (rest.startsWith(value)) {
                String after = rest.substring(value.length());
                String trailing = after.stripLeading();
                return trailing.isEmpty() || trailing.startsWith("#") && after.length() > trailing.length();
            }
        }
        return false;
    }

    /** The file name as given, as errors show it. */
    public String name() {
        return name;
    }

    /** The characters of class names and globs; a YAML indicator or a space ends a word. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
                || c == '.' || c == '*';
    }

    private static ConfigException error(String file, String what, String fix) {
        return new ConfigException(List.of(new ConfigError(new Position(file, 1, 1), "rule file", what, fix)));
    }
}
