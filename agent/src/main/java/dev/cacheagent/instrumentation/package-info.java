/**
 * Bytecode instrumentation with ASM: which classes to transform (matching by name first, JDK and agent
 * classes ignored up front), how each matched method is described to the runtime from its class file
 * ({@code ClassFiles}: nothing loaded), and the rewrite of the methods a rule binds ({@link SiteRewriter}), whose code calls
 * only the bootstrap bridge. The transformer is installed once (at {@code -javaagent} start behind the
 * {@link StartGate}, which holds back the classes a rule may select while the rule file is parsed); a reload
 * swaps the rules it applies and retransforms only the loaded classes whose instrumented methods change.
 */
package dev.cacheagent.instrumentation;
