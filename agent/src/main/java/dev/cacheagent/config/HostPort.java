package dev.cacheagent.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code host:port}, with an IPv6 host in brackets: {@code [::1]:9464}. Never resolved. */
record HostPort(String host, int port) {
    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):(\\d{1,5})");

    static HostPort parse(Scalar scalar) throws InvalidValue {
        Matcher m = FORM.matcher(scalar.asText());
        if (!m.matches()) {
            throw new InvalidValue("must be host:port, not " + scalar.shown(), "write e.g. 127.0.0.1:9464");
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new InvalidValue("has port " + port + ", outside 1 to 65535", "write a port from 1 to 65535");
        }
        return new HostPort(m.group(1), port);
    }

    /** Reachable from this machine only. Decided from the text, so that no lookup blocks. */
    boolean isLoopback() {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
