/**
 * The expression language of keys, conditions, {@code unless}, fields and evict/put targets: a
 * subset of the Spring Expression Language, parsed once and evaluated many times.
 *
 * <p>A leaf package: it depends on the JDK only.
 */
package dev.cacheagent.expression;
