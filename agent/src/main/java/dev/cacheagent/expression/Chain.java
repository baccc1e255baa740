package dev.cacheagent.expression;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A chain of members without arguments ({@code #p0.trim().toLowerCase()}) fused into one call for
 * one class of its first receiver: an instance of a hidden class copied from the template
 * {@code FusedCallN} for a chain of N members, whose {@code static final} fields hold the members'
 * handles, so that the JIT compiles the whole chain as if written in Java. Chains of up to
 * {@link #MAX_STEPS} members are fused.
 *
 * <p>Fused only when each member but the last declares a type that fixes the class of the next
 * receiver (a final class such as {@code String}, or a primitive, boxed): then one check of the first
 * receiver's class covers the chain. Between members the fused call checks for null and stops with a
 * {@link NullTarget} marker, so that the node-by-node path resumes at that step with that step's null
 * handling ({@code ?.} or its error). An exception a member throws comes out as a {@link StepFailure}
 * naming the step, so that the message names the node that failed.
 */
final class Chain {
    /** Tried and not fusable: its {@link #type} matches no value. */
    static final Chain NONE = new Chain(null, null, null);
    /** The longest chain fused: one template class per length. */
    static final int MAX_STEPS = 4;

    private static final NullTarget[] NULL_TARGETS = new NullTarget[MAX_STEPS];
    /** The template of each length of chain. */
    private static final String[] TEMPLATES = {null, null, "FusedCall2", "FusedCall3", "FusedCall4"};

    static {
        for (int step = 1; step < MAX_STEPS; step++) {
            NULL_TARGETS[step] = new NullTarget(step);
        }
    }

    /** The class of the first receiver this chain was fused for. */
    final Class<?> type;
    /** Its {@link Call#call0} runs the chain. */
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
     * when a member cannot be linked or does not fix the next receiver's class, or the chain is longer
     * than {@link #MAX_STEPS}.
     */
    static Chain fuse(MemberNode[] steps, Class<?> type) {
        if (steps.length > MAX_STEPS) {
            return NONE;
        }
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
            Call call = Call.define(Call.Template.bytes(TEMPLATES[steps.length]), List.of(handles));
            return new Chain(type, call != null ? call : new Plain(handles), members);
        } catch (RuntimeException | LinkageError e) {
            // fusing is an optimisation: the node-by-node path stays, and reports what is wrong with the chain
            return NONE;
        }
    }

    /** What a fused chain returns when the target of its step {@code step} (1 or more) is null. */
    static NullTarget nullTarget(int step) {
        return NULL_TARGETS[step];
    }

    /** What a fused chain throws when the member of its step {@code step} threw {@code thrown}. */
    static StepFailure stepFailed(int step, Throwable thrown) {
        if (thrown instanceof VirtualMachineError error) {
            throw error;
        }
        return new StepFailure(step, thrown);
    }

    /** A fused chain: only {@link #call0} is used. */
    abstract static class Fused extends Call {
        @Override
        final Object call1(Object value, Object a0) {
            throw new UnsupportedOperationException("a chain takes no arguments");
        }

        @Override
        final Object call2(Object value, Object a0, Object a1) {
            throw new UnsupportedOperationException("a chain takes no arguments");
        }

        @Override
        final Object call3(Object value, Object a0, Object a1, Object a2) {
            throw new UnsupportedOperationException("a chain takes no arguments");
        }

        @Override
        final Object callN(Object value, Object[] arguments) {
            throw new UnsupportedOperationException("a chain takes no arguments");
        }
    }

    /** The fallback where a hidden class cannot be defined: the same steps through handles held in a field. */
    private static final class Plain extends Fused {
        private final MethodHandle[] steps;

        Plain(MethodHandle[] steps) {
            this.steps = steps;
        }

        @Override
        Object call0(Object value) {
            Object step = value;
            for (int i = 0; i < steps.length; i++) {
                if (i > 0 && step == null) {
                    return nullTarget(i);
                }
                try {
                    step = (Object) steps[i].invokeExact(step);
                } catch (Throwable thrown) {
                    throw stepFailed(i, thrown);
                }
            }
            return step;
        }
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
