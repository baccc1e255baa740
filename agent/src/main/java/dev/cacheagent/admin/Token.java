package dev.cacheagent.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer token mutating requests must carry ({@code agent.admin.token}). Compared in constant
 * time; never written anywhere.
 */
final class Token {
    private static final String BEARER = "Bearer ";

    /** {@code null} when no token is configured: every mutating request is then refused with 403. */
    private final byte[] expected;

    private Token(byte[] expected) {
        this.expected = expected;
    }

    static Token of(String configured) {
        return new Token(configured == null || configured.isEmpty() ? null
                : configured.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code null} when the request may go ahead; else the 403 or 401 to answer. */
    Response check(String authorization) {
        if (expected == null) {
            return Response.error(403, "no admin token is configured, so changes through the admin API are off —"
                    + " set agent.admin.token in the rule file, e.g. token: ${CACHE_AGENT_ADMIN_TOKEN:}, and send"
                    + " it as 'Authorization: Bearer <token>'");
        }
        byte[] given = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8)
                : null;
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            return Response.error(401, (given == null ? "this request carries no bearer token" : "wrong token")
                    + " — send the token of agent.admin.token as 'Authorization: Bearer <token>'")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"cache-agent\"");
        }
        return null;
    }
}
