package dev.cacheagent.expression;

/** {@code a.b} or the null-safe {@code a?.b}. */
final class PropertyNode extends Node {
    private final Node target;
    private final String name;
    private final boolean nullSafe;
    /** The inline cache: the getter found for each receiver class seen, most recent first. Racy by design. */
    private Link<MemberLookup.Getter> links;

    PropertyNode(String text, Node target, String name, boolean nullSafe) {
        super(text);
        this.target = target;
        this.name = name;
        this.nullSafe = nullSafe;
    }

    /** The inline cache as it stands: null before the first evaluation. */
    Link<MemberLookup.Getter> links() {
        return links;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        Object value = target.eval(receiver, a0, a1, a2, args, result);
        if (value == null) {
            if (nullSafe) {
                return null;
            }
            throw failure("property '" + name + "' read on null (write '?." + name + "' to get null instead)");
        }
        Class<?> type = value.getClass();
        Link<MemberLookup.Getter> link = links;
        while (link != null && link.type != type) {
            link = link.next;
        }
        if (link == null) {
            link = link(type);
        }
        if (link.member == null) {
            throw failure(link.problem);
        }
        try {
            return (Object) link.member.handle().invokeExact(value);
        } catch (Throwable thrown) {
            throw thrownBy(link.member.member(), thrown);
        }
    }

    private Link<MemberLookup.Getter> link(Class<?> type) {
        Link<MemberLookup.Getter> link;
        try {
            link = Link.prepend(links, type, null, MemberLookup.getter(type, name), null);
        } catch (NoSuchMember e) {
            link = Link.prepend(links, type, null, null, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            link = Link.prepend(links, type, null, null, "cannot look up property '" + name + "' on "
                    + typeName(type) + ": " + e);
        }
        links = link;
        return link;
    }
}
