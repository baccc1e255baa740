/**
 * The rule file: reading it (YAML, plain data only, bounded), substituting {@code ${NAME:default}},
 * checking it, and turning it into immutable records. Every error carries the file, line and column.
 *
 * <p>Entry points: {@link dev.cacheagent.config.AgentArguments} finds the file,
 * {@link dev.cacheagent.config.RuleFileText} reads its text (and tells, before it is parsed, which classes
 * its rules could select and whether it may stop the JVM), {@link dev.cacheagent.config.RuleFileLoader}
 * parses it into a {@link dev.cacheagent.config.RuleFile} or a {@link dev.cacheagent.config.ConfigException}
 * listing every error. Inside, {@code YamlReader}
 * turns text into a node tree, {@code YamlMap} and {@code Scalar} read it with typed getters that
 * record errors, and one {@code *Section} class per part of the schema maps it to records.
 *
 * <p>This package knows nothing of how rules are applied: no bytecode, no caches, no Redis. It
 * uses {@code dev.cacheagent.expression} only to check the syntax of expressions.
 */
package dev.cacheagent.config;
