package dev.cacheagent.config;

/**
 * A scalar that cannot be read as the value its key needs. {@code what} continues a sentence that
 * starts with the key ("'ttl' " + what); {@code offset} points inside the scalar, in characters.
 */
final class InvalidValue extends Exception {
    private final String what;
    private final String fix;
    private final int offset;

    InvalidValue(String what, String fix) {
        this(what, fix, 0);
    }

    InvalidValue(String what, String fix, int offset) {
        super(what, null, false, false);
        this.what = what;
        this.fix = fix;
        this.offset = offset;
    }

    String what() {
        return what;
    }

    String fix() {
        return fix;
    }

    int offset() {
        return offset;
    }
}
