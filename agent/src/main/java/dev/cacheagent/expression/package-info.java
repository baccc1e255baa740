/**
 * The expression language of keys, conditions, {@code unless}, fields and evict/put targets: a
 * subset of the Spring Expression Language (SpEL), parsed once ({@link dev.cacheagent.expression.Expression#parse}),
 * bound to a method once ({@link dev.cacheagent.expression.Expression#resolve}) and evaluated on every
 * intercepted call ({@link dev.cacheagent.expression.Evaluator}).
 *
 * <p>What is valid in the subset means what it means in SpEL, with these choices where SpEL leaves
 * room or depends on its context:
 * <ul>
 *   <li>Variables: {@code #p0}/{@code #a0}... and {@code #<parameterName>} (a parameter's name wins if
 *       it collides with a positional name), {@code #args}, {@code #result} (after the call only; a
 *       parameter named {@code result} before it) and {@code #this}, which is the object the method
 *       was called on (null for a static method), not SpEL's context object. {@code #root} is not
 *       supported: there is no root object, and bare names ({@code name} without {@code #}) are errors.
 *   <li>{@code a.b} reads, in this order, a public getter {@code getB()}, {@code isB()} returning a
 *       boolean, a public no-argument method {@code b()} (record components, {@code size},
 *       {@code length}...), a public field {@code b}; {@code length} of an array.
 *   <li>Methods are chosen by name, argument count and the arguments' runtime classes, as Java would:
 *       boxing and widening of numbers (also to a wider wrapper, e.g. an int to a {@code Long}), the
 *       most specific overload, varargs last.
 *   <li>Indexing: {@code map[key]}, {@code list[i]}, {@code array[i]}, {@code collection[i]} (iteration
 *       order), {@code text[i]} (a one-character String); {@code a?.[i]} is null-safe as in SpEL 6.2.
 *   <li>{@code +} joins text when either side is a String: null reads {@code "null"}, an enum its
 *       name, a collection or array its elements joined with {@code ,}, anything else its
 *       {@code toString()}. Numbers follow SpEL's promotion (BigDecimal, Double, Float, BigInteger,
 *       Long, then int). {@code 'ab' * 3} repeats text, as in SpEL.
 *   <li>Comparisons: numbers by value across types, texts by content, {@code null} equals only null
 *       and orders before every value (SpEL's comparator), other values by {@code equals} (arrays by
 *       content) and {@code Comparable}. The textual forms {@code eq ne lt le gt ge div mod and or not}
 *       are accepted in any case.
 *   <li>{@code and}, {@code or}, {@code not} and {@code ? :} need true or false: null or any other value
 *       is an error, as in SpEL (which would also convert the text {@code 'true'}; this does not).
 *   <li>{@code a ?: b} is {@code b} when {@code a} is null or an empty String, as in SpEL.
 *   <li>Integer literals too large for an int are longs (SpEL rejects them); {@code 0x} hex, {@code L},
 *       {@code F} and {@code D} suffixes and exponents are read as in SpEL.
 * </ul>
 *
 * <p>Left out, each a syntax error that names it: type references {@code T(...)}, {@code new},
 * assignment, bean references, function calls {@code #f(...)}, projection and selection, inline lists
 * and maps, {@code matches}, {@code instanceof}, {@code between}, {@code ^}, {@code ++}/{@code --}.
 *
 * <p>Expressions run inside production services, so they reach only public instance members of the
 * values at hand, through {@link java.lang.invoke.MethodHandles#publicLookup()}: nothing private or
 * static, no {@code setAccessible}. A public method of a non-public class (a JDK collection, a lambda)
 * is called through the public interface or class that declares it. A short policy refuses
 * {@code wait}/{@code notify}, class loaders, reflection, threads and processes, and all of
 * {@code Class} but its names.
 *
 * <p>Evaluation fails only with {@link dev.cacheagent.expression.EvaluationException}, quoting the part
 * that failed; an exception a called method throws is its cause. Messages name types, never values:
 * values may be secrets, and these messages reach the event log. A {@link java.lang.VirtualMachineError}
 * is never wrapped.
 *
 * <p>Performance: variables are bound to argument slots by {@code resolve}; each property and method
 * node keeps an inline cache of method handles keyed by the receiver's class (and the arguments'
 * classes), so members are looked up once per class. Each linked handle is called through a hidden
 * class of its own that holds it as a constant ({@code Call}), so that the JIT inlines the member
 * into the call, as it would a call written in Java; a node that has linked more classes than its
 * cache holds (megamorphic) calls through plain handles instead. A chain of up to four members without
 * arguments whose declared types are final, such as {@code #name.trim().toLowerCase()}, is fused into
 * one call of one hidden class behind one check of the first receiver's class ({@code Chain}). The
 * first evaluation in a JVM pays for this once (about 15 ms more on a cold JVM, then about 1 ms per
 * expression): a cost of the first call, never of a hit. Where a hidden class
 * cannot be defined, calls go through plain handles: slower, same results. Calls with up to three
 * arguments allocate nothing beyond what the called method does. The caches are immutable chains
 * replaced whole, which makes an evaluator safe to share between threads.
 *
 * <p>A leaf package: it depends on the JDK only.
 */
package dev.cacheagent.expression;
