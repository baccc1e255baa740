package dev.cacheagent.runtime;

/** The outcome of binding a method to the rules that matched it. */
public sealed interface Binding {

    /** Instrument the method with this call-site number. */
    record Bound(int site) implements Binding {}

    /** Leave the method uninstrumented; {@code reason} goes into a {@code rule_error} event. */
    record Rejected(String rule, String reason) implements Binding {}
}
