package dev.cacheagent.expression;

/**
 * A property read or method call on the value of a target node: {@link PropertyNode} and
 * {@link MethodCallNode}. Each links its member once per receiver class, in its own inline cache.
 *
 * <p>The outermost node of a chain of two or more members without arguments, such as
 * {@code #styleName.trim().toLowerCase()}, also keeps the whole chain fused into one call
 * ({@link Chain}) for the first receiver class it sees, when each member's declared type fixes the
 * class of the next receiver: it then evaluates the chain's target and makes that one call, where a
 * walk of the tree would make a call per node. Any other value, and a null met on the way, take the
 * node-by-node path, which gives the same results and messages.
 */
abstract class MemberNode extends Node {
    final Node target;
    final boolean nullSafe;
    /** The chain this node ends, innermost first and this node last; {@code null} when it ends none. */
    private final MemberNode[] chain;
    /** The fused chain, {@link Chain#NONE} when it cannot be fused, null before it is tried. Racy by design. */
    private Chain fused;

    /**
     * @param noArguments whether this node reads a property or calls a method without arguments, the
     *     kind of member a chain is made of
     */
    MemberNode(String text, Node target, boolean nullSafe, boolean noArguments) {
        super(text);
        this.target = target;
        this.nullSafe = nullSafe;
        this.chain = noArguments && target instanceof MemberNode inner && inner.noArguments()
                ? append(inner.chain != null ? inner.chain : new MemberNode[] {inner}, this)
                : null;
    }

    private static MemberNode[] append(MemberNode[] chain, MemberNode last) {
        MemberNode[] longer = java.util.Arrays.copyOf(chain, chain.length + 1);
        longer[chain.length] = last;
        return longer;
    }

    /** Whether this node reads a property or calls a method without arguments. */
    abstract boolean noArguments();

    /**
     * This node's own work, given its target's value: the null check, then the member linked for the
     * value's class (and its arguments' classes), evaluated from the call as {@link #eval} is.
     */
    abstract Object apply(Object value, Object receiver, Object a0, Object a1, Object a2, Object[] args,
            Object result);

    /**
     * The link of this node's member for receivers of {@code type} (no arguments: only a node for which
     * {@link #noArguments} holds is asked), from its inline cache or linked now.
     */
    abstract Link<? extends MemberLookup.Member> linkFor(Class<?> type);

    /** The fused chain as it stands: null before it was tried, {@link Chain#NONE} when it could not be fused. */
    Chain fused() {
        return fused;
    }

    @Override
    final Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        if (chain == null) {
            return apply(target.eval(receiver, a0, a1, a2, args, result), receiver, a0, a1, a2, args, result);
        }
        Object value = chain[0].target.eval(receiver, a0, a1, a2, args, result);
        Chain whole = fused;
        if (whole != null && value != null && value.getClass() == whole.type) {
            Object end;
            try {
                end = whole.call.call0(value);
            } catch (Chain.StepFailure failure) {
                int step = failure.step;
                throw chain[step].thrownBy(whole.members[step], failure.getCause());
            } catch (Throwable unforeseen) {
                throw thrownBy(whole.members[chain.length - 1], unforeseen);
            }
            if (end instanceof Chain.NullTarget at) {
                // a member returned null: the next one's null check decides, as node by node
                return applyFrom(at.step, null, receiver, a0, a1, a2, args, result);
            }
            return end;
        }
        Object end = applyFrom(0, value, receiver, a0, a1, a2, args, result);
        if (whole == null && value != null) {
            fused = Chain.fuse(chain, value.getClass());
        }
        return end;
    }

    /** The chain node by node, from its step {@code from} given that step's target value. */
    private Object applyFrom(int from, Object value, Object receiver, Object a0, Object a1, Object a2, Object[] args,
            Object result) {
        for (int i = from; i < chain.length; i++) {
            value = chain[i].apply(value, receiver, a0, a1, a2, args, result);
        }
        return value;
    }
}
