package dev.cacheagent.expression;

/** {@code a.b} or the null-safe {@code a?.b}. */
final class PropertyNode extends MemberNode {
    private final String name;
    /** The inline cache: the getter found for each receiver class seen, most recent first. Racy by design. */
    private Link<MemberLookup.Getter> links;
    /** How many links this node made; racy, it only decides when to stop specialising (see {@link #call}). */
    private int linked;

    PropertyNode(String text, Node target, String name, boolean nullSafe) {
        super(text, target, nullSafe, true);
        this.name = name;
    }

    /** The inline cache as it stands: null before the first evaluation. */
    Link<MemberLookup.Getter> links() {
        return links;
    }

    @Override
    boolean noArguments() {
        return true;
    }

    @Override
    Link<MemberLookup.Getter> linkFor(Class<?> type) {
        Link<MemberLookup.Getter> link = links;
        while (link != null && link.type != type) {
            link = link.next;
        }
        return link != null ? link : link(type);
    }

    @Override
    Object apply(Object value, Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        if (value == null) {
            if (nullSafe) {
                return null;
            }
            throw failure("property '" + name + "' read on null (write '?." + name + "' to get null instead)");
        }
        Link<MemberLookup.Getter> link = linkFor(value.getClass());
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return link.call.call0(value);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.member(), thrown);
        }
    }

    private Link<MemberLookup.Getter> link(Class<?> type) {
        Link<MemberLookup.Getter> link;
        try {
            MemberLookup.Getter getter = MemberLookup.getter(type, name);
            link = Link.prepend(links, type, null, getter, call(getter.handle()), null);
        } catch (NoSuchMember e) {
            link = Link.prepend(links, type, null, null, null, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            link = Link.prepend(links, type, null, null, null, "cannot look up property '" + name + "' on "
                    + typeName(type) + ": " + e);
        }
        links = link;
        return link;
    }

    /** As {@link MethodCallNode}'s: specialised calls for the first {@link Link#CAPACITY} links only. */
    private Call call(java.lang.invoke.MethodHandle handle) {
        return linked++ < Link.CAPACITY ? Call.of(handle) : Call.dynamic(handle);
    }
}
