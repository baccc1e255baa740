package dev.cacheagent.config;

import java.util.List;
import java.util.Set;

/**
 * The classes a rule file's rules could select, known from its text before it is parsed (see
 * {@link RuleFileText#selectableTypes}): a superset of what the rules select once parsed.
 *
 * @param all every class (the text cannot tell)
 * @param names exact binary class names
 * @param globs class-name globs ({@code com.example.**.*Service})
 */
public record SelectableTypes(boolean all, Set<String> names, List<String> globs) {
    /** Every class: what the text cannot narrow down. */
    public static final SelectableTypes ALL = new SelectableTypes(true, Set.of(), List.of());
}
