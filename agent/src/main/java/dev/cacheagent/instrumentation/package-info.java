/**
 * Bytecode instrumentation with Byte Buddy: which classes to transform (matching by name first,
 * JDK and agent classes ignored up front), how each matched method is described to the runtime,
 * and the advice inlined into it. The advice references only the bootstrap bridge.
 */
package dev.cacheagent.instrumentation;
