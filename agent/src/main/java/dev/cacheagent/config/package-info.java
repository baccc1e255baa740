/**
 * The rule file: reading it (YAML, plain data only, bounded), substituting {@code ${NAME:default}},
 * checking it, and turning it into immutable records. Every error carries the file, line and column.
 *
 * <p>This package knows nothing of how rules are applied: no Byte Buddy, no caches, no Redis.
 */
package dev.cacheagent.config;
