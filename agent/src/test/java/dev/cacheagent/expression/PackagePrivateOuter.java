package dev.cacheagent.expression;

/** A package-private class of the kind services use to group their request types. */
final class PackagePrivateOuter {
    private PackagePrivateOuter() {}

    /** Public, though its enclosing class is not: its members are public to expressions too. */
    public record Request(String id, int size) {
        public String describe(String prefix) {
            return prefix + id;
        }
    }
}
