package dev.cacheagent.expression;

import java.util.Arrays;

/**
 * {@code a.m(x, y)} or the null-safe {@code a?.m(x, y)}. Calls with up to three arguments pass them
 * directly, so that a call allocates nothing beyond what the method itself does.
 */
final class MethodCallNode extends MemberNode {
    private static final Class<?>[] NO_TYPES = {};

    private final String name;
    private final Node[] arguments;
    /**
     * The inline cache: the method chosen for each receiver class and argument classes seen, most
     * recent first. Racy by design.
     */
    private Link<MemberLookup.Invoker> links;
    /** How many links this node made; racy, it only decides when to stop specialising (see {@link #call}). */
    private int linked;

    MethodCallNode(String text, Node target, String name, Node[] arguments, boolean nullSafe) {
        super(text, target, nullSafe, arguments.length == 0);
        this.name = name;
        this.arguments = arguments;
    }

    @Override
    boolean noArguments() {
        return arguments.length == 0;
    }

    @Override
    Link<MemberLookup.Invoker> linkFor(Class<?> type) {
        Link<MemberLookup.Invoker> link = links;
        while (link != null && link.type != type) {
            link = link.next;
        }
        return link != null ? link : link(type, NO_TYPES);
    }

    /** The inline cache as it stands: null before the first evaluation. */
    Link<MemberLookup.Invoker> links() {
        return links;
    }

    @Override
    Object apply(Object value, Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        if (value == null) {
            if (nullSafe) {
                return null;
            }
            throw failure("method " + name + "() called on null (write '?." + name + "(...)' to get null instead)");
        }
        return switch (arguments.length) {
            case 0 -> call0(value);
            case 1 -> call1(value, arguments[0].eval(receiver, a0, a1, a2, args, result));
            case 2 -> call2(value, arguments[0].eval(receiver, a0, a1, a2, args, result),
                    arguments[1].eval(receiver, a0, a1, a2, args, result));
            case 3 -> call3(value, arguments[0].eval(receiver, a0, a1, a2, args, result),
                    arguments[1].eval(receiver, a0, a1, a2, args, result),
                    arguments[2].eval(receiver, a0, a1, a2, args, result));
            default -> callN(value, receiver, a0, a1, a2, args, result);
        };
    }

    private Object call0(Object value) {
        Link<MemberLookup.Invoker> link = linkFor(value.getClass());
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return link.call.call0(value);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.signature(), thrown);
        }
    }

    private Object call1(Object value, Object a0) {
        Class<?> type = value.getClass();
        Class<?> t0 = classOf(a0);
        Link<MemberLookup.Invoker> link = links;
        while (link != null && (link.type != type || link.argTypes[0] != t0)) {
            link = link.next;
        }
        if (link == null) {
            link = link(type, new Class<?>[] {t0});
        }
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return link.call.call1(value, a0);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.signature(), thrown);
        }
    }

    private Object call2(Object value, Object a0, Object a1) {
        Class<?> type = value.getClass();
        Class<?> t0 = classOf(a0);
        Class<?> t1 = classOf(a1);
        Link<MemberLookup.Invoker> link = links;
        while (link != null && (link.type != type || link.argTypes[0] != t0 || link.argTypes[1] != t1)) {
            link = link.next;
        }
        if (link == null) {
            link = link(type, new Class<?>[] {t0, t1});
        }
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return link.call.call2(value, a0, a1);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.signature(), thrown);
        }
    }

    private Object call3(Object value, Object a0, Object a1, Object a2) {
        Class<?> type = value.getClass();
        Class<?> t0 = classOf(a0);
        Class<?> t1 = classOf(a1);
        Class<?> t2 = classOf(a2);
        Link<MemberLookup.Invoker> link = links;
        while (link != null
                && (link.type != type || link.argTypes[0] != t0 || link.argTypes[1] != t1 || link.argTypes[2] != t2)) {
            link = link.next;
        }
        if (link == null) {
            link = link(type, new Class<?>[] {t0, t1, t2});
        }
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return link.call.call3(value, a0, a1, a2);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.signature(), thrown);
        }
    }

    /** More arguments than {@link MemberLookup#MAX_DIRECT_ARGUMENTS}: passed in an array. */
    private Object callN(Object value, Object receiver, Object a0, Object a1, Object a2, Object[] args,
            Object result) {
        Object[] values = new Object[arguments.length];
        Class<?>[] types = new Class<?>[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].eval(receiver, a0, a1, a2, args, result);
            types[i] = classOf(values[i]);
        }
        Class<?> type = value.getClass();
        Link<MemberLookup.Invoker> link = links;
        while (link != null && (link.type != type || !Arrays.equals(link.argTypes, types))) {
            link = link.next;
        }
        if (link == null) {
            link = link(type, types);
        }
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return link.call.callN(value, values);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.signature(), thrown);
        }
    }

    private static Class<?> classOf(Object value) {
        return value == null ? null : value.getClass();
    }

    private Link<MemberLookup.Invoker> link(Class<?> type, Class<?>[] argTypes) {
        Link<MemberLookup.Invoker> link;
        try {
            MemberLookup.Invoker invoker = MemberLookup.method(type, name, argTypes);
            link = Link.prepend(links, type, argTypes, invoker, call(invoker.handle()), null);
        } catch (NoSuchMember e) {
            link = Link.prepend(links, type, argTypes, null, null, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            link = Link.prepend(links, type, argTypes, null, null, "cannot look up method " + name + "() on "
                    + typeName(type) + ": " + e);
        }
        links = link;
        return link;
    }

    /**
     * A call the JIT inlines through, for the first {@link Link#CAPACITY} links; past them this node
     * is megamorphic and keeps relinking, and a class per link would only add to that cost.
     */
    private Call call(java.lang.invoke.MethodHandle handle) {
        return linked++ < Link.CAPACITY ? Call.of(handle) : Call.dynamic(handle);
    }
}
