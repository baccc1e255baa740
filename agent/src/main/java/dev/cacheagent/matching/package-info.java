/**
 * Which methods the rules select: type names (exact, glob, subtype), method names and globs,
 * parameter lists. Works on plain names, so that the agent (describing classes from their class files)
 * and the {@code validate} command share one definition of what a rule matches.
 */
package dev.cacheagent.matching;
