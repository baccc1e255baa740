/**
 * Operating the agent live: the admin HTTP API ({@code agent.admin}, JDK {@code com.sun.net.httpserver}
 * on threads of its own, JSON written with jackson-core) and the JMX MBeans under {@code dev.cacheagent}.
 * Both read the runtime in force at each request, so a reload is picked up at once. Mutating endpoints
 * need the configured bearer token.
 */
package dev.cacheagent.admin;
