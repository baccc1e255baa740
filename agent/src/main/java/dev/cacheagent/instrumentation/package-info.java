/**
 * Bytecode instrumentation: which classes to transform (matching by name first, JDK and agent
 * classes ignored up front), how each matched method is described to the runtime (from class files
 * read with ASM, see {@code ClassFiles}), and the advice inlined into it. The advice references only
 * the bootstrap bridge. The transformer is installed once; a reload swaps the rules it applies and
 * retransforms only the loaded classes whose instrumented methods change.
 */
package dev.cacheagent.instrumentation;
