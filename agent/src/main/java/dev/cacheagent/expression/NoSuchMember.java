package dev.cacheagent.expression;

/** A property or method an expression names that cannot be reached on a value's class: why, for the user. */
final class NoSuchMember extends Exception {
    NoSuchMember(String message) {
        super(message, null, false, false);
    }
}
