package dev.cacheagent.expression;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * A chain of members without arguments ({@code #p0.trim().toLowerCase()}) fused into one call for
 * one class of its first receiver: the members' handles composed into one, made a constant of its
 * own hidden class ({@link Call#of}), so that the JIT compiles the whole chain as if written in Java.
 *
 * <p>Fused only when each member but the last declares a type that fixes the class of the next
 * receiver (a final class such as {@code String}, or a primitive, boxed): then one check of the first
 * receiver's class covers the chain. Between members the composed handle checks for null and stops
 * with a {@link NullTarget} marker, so that the node-by-node path resumes at that step with that step's
 * null handling ({@code ?.} or its error). An exception a member throws comes out as a
 * {@link StepFailure} naming the step, so that the message names the node that failed.
 */
final class Chain {
    /** Tried and not fusable: its {@link #type} matches no value. */
    static final Chain NONE = new Chain(null, null, null);

    private static final MethodHandle IS_NULL;
    private static final MethodHandle STEP_FAILED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IS_NULL = lookup.findStatic(Objects.class, "isNull", MethodType.methodType(boolean.class, Object.class));
            STEP_FAILED = lookup.findStatic(Chain.class, "stepFailed",
                    MethodType.methodType(Object.class, int.class, Throwable.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The class of the first receiver this chain was fused for. */
    final Class<?> type;
    /** Typed as {@link Call#call0}. */
    final Call call;
    /** Each step's member, as messages name it. */
    final String[] members;

    private Chain(Class<?> type, Call call, String[] members) {
        this.type = type;
        this.call = call;
        this.members = members;
    }

    /**
     * The chain of {@code steps} fused for a first receiver of class {@code type}, linking each step's
     * member through the step's own inline cache (so both paths call the same members); {@link #NONE}
     * when a member cannot be linked or does not fix the next receiver's class.
     */
    static Chain fuse(MemberNode[] steps, Class<?> type) {
        try {
            MethodHandle[] handles = new MethodHandle[steps.length];
            String[] members = new String[steps.length];
            Class<?> receiver = type;
            for (int i = 0; i < steps.length; i++) {
                if (receiver == null) {
                    return NONE;
                }
                Link<? extends MemberLookup.Member> link = steps[i].linkFor(receiver);
                if (link.member == null) {
                    return NONE;
                }
                handles[i] = link.member.handle();
                members[i] = link.member.description();
                receiver = link.member.valueType();
            }
            MethodHandle whole = caught(handles[steps.length - 1], steps.length - 1);
            for (int i = steps.length - 2; i >= 0; i--) {
                MethodHandle stop = MethodHandles.dropArguments(
                        MethodHandles.constant(Object.class, new NullTarget(i + 1)), 0, Object.class);
                whole = MethodHandles.filterReturnValue(caught(handles[i], i),
                        MethodHandles.guardWithTest(IS_NULL, stop, whole));
            }
            return new Chain(type, Call.of(whole), members);
        } catch (RuntimeException | LinkageError e) {
            // fusing is an optimisation: the node-by-node path stays, and reports what is wrong with the chain
            return NONE;
        }
    }

    /** {@code step}'s handle, any exception it throws wrapped in a {@link StepFailure} naming the step. */
    private static MethodHandle caught(MethodHandle step, int index) {
        return MethodHandles.catchException(step, Throwable.class, MethodHandles.insertArguments(STEP_FAILED, 0, index));
    }

    @SuppressWarnings("unused") // called through STEP_FAILED
    private static Object stepFailed(int step, Throwable thrown) {
        if (thrown instanceof VirtualMachineError error) {
            throw error;
        }
        throw new StepFailure(step, thrown);
    }

    /** What a fused chain returns when the target of its step {@link #step} is null. */
    static final class NullTarget {
        final int step;

        NullTarget(int step) {
            this.step = step;
        }
    }

    /** What a fused chain throws when the member of its step {@link #step} threw; the cause is what it threw. */
    static final class StepFailure extends RuntimeException {
        final int step;

        StepFailure(int step, Throwable thrown) {
            super(null, thrown, false, false);
            this.step = step;
        }
    }
}
