package dev.cacheagent.cache;

import java.util.regex.Pattern;

/** A glob over key text: {@code *} matches any run of characters, {@code ?} exactly one; nothing else is special. */
final class KeyGlob {
    private final Pattern pattern;

    private KeyGlob(Pattern pattern) {
        this.pattern = pattern;
    }

    static KeyGlob compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new KeyGlob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /**
     * Whether the key's text matches. A key whose text cannot be computed (its {@code toString()}
     * throws) counts as matching: evicting too much costs a miss, evicting too little serves stale data.
     */
    boolean matches(Object key) {
        String text;
        try {
            text = KeyText.of(key);
        } catch (RuntimeException e) {
            return true;
        }
        return pattern.matcher(text).matches();
    }
}
