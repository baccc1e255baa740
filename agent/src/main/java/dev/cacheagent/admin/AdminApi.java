package dev.cacheagent.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cacheagent.cache.KeyText;
import dev.cacheagent.cache.CacheTier;
import dev.cacheagent.cache.UsedEntry;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.observe.CacheFigures;
import dev.cacheagent.observe.CacheView;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.observe.PrometheusFormat;
import dev.cacheagent.runtime.CacheRuntime;
import dev.cacheagent.runtime.RuleStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The endpoints of SPEC §7. Every answer is computed from the runtime in force at the request. The
 * caller ({@link AdminServer}) has already checked the token of mutating requests.
 */
final class AdminApi {
    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 1000;
    private static final String ENDPOINTS = "GET /health, /metrics, /caches, /caches/{name}/entries?top=10, /rules;"
            + " POST /caches/{name}/invalidate, /rules/{name}/enable, /rules/{name}/disable, /reload";

    private final AgentControl agent;
    private final EventLog events;

    AdminApi(AgentControl agent, EventLog events) {
        this.agent = agent;
        this.events = events;
    }

    /** Whether the request would change something: it then needs the token. */
    static boolean isMutating(Request request) {
        return request.method().equals("POST");
    }

    /** The endpoint for the request, or the 404/405 that says which ones exist. */
    Response handle(Request request) {
        List<String> at = request.segments();
        String method = request.method();
        String first = at.isEmpty() ? "" : at.get(0);
        return switch (first) {
            case "health" -> at.size() == 1 ? get(method, this::health) : notFound(request);
            case "metrics" -> at.size() == 1 ? get(method, this::metrics) : notFound(request);
            case "rules" -> switch (at.size()) {
                case 1 -> get(method, this::rules);
                case 3 -> at.get(2).equals("enable") || at.get(2).equals("disable")
                        ? post(method, () -> switchRule(at.get(1), at.get(2).equals("enable")))
                        : notFound(request);
                default -> notFound(request);
            };
            case "caches" -> switch (at.size()) {
                case 1 -> get(method, this::caches);
                case 3 -> switch (at.get(2)) {
                    case "entries" -> get(method, () -> entries(at.get(1), request.query().get("top")));
                    case "invalidate" -> post(method, () -> invalidate(at.get(1), request.bodyText()));
                    default -> notFound(request);
                };
                default -> notFound(request);
            };
            case "reload" -> at.size() == 1 ? post(method, this::reload) : notFound(request);
            default -> notFound(request);
        };
    }

    private static Response get(String method, java.util.function.Supplier<Response> endpoint) {
        return method.equals("GET") ? endpoint.get() : wrongMethod("GET");
    }

    private static Response post(String method, java.util.function.Supplier<Response> endpoint) {
        return method.equals("POST") ? endpoint.get() : wrongMethod("POST");
    }

    private static Response wrongMethod(String allowed) {
        return Response.error(405, "this endpoint answers " + allowed + " only").withHeader("Allow", allowed);
    }

    private static Response notFound(Request request) {
        return Response.error(404, "no endpoint " + request.method() + " " + request.path() + " — the endpoints are: "
                + ENDPOINTS);
    }

    private Response health() {
        CacheRuntime runtime = agent.runtime();
        AgentStatus status = agent.status();
        List<RuleStatus> rules = runtime.ruleStatuses();
        return Response.json(200, Json.write(out -> {
            out.writeStartObject();
            out.writeStringField("status", "up");
            out.writeObjectFieldStart("agent");
            out.writeStringField("version", AdminApi.class.getPackage().getImplementationVersion());
            out.writeStringField("config", status.configFile());
            out.writeStringField("startedAt", status.startedAt().toString());
            out.writeStringField("loadedAt", status.loadedAt().toString());
            out.writeNumberField("reloads", status.reloads());
            out.writeStringField("lastReloadRefused", status.lastRefusal());
            out.writeBooleanField("watchingConfig", status.watching());
            out.writeNumberField("rules", rules.size());
            out.writeNumberField("rulesEnabled", rules.stream().filter(RuleStatus::enabled).count());
            out.writeEndObject();
            if (runtime.redis() != null) {
                out.writeObjectFieldStart("redis");
                out.writeStringField("state", runtime.redis().isUp() ? "up" : "down");
                out.writeBooleanField("subscribed", runtime.redis().isSubscribed());
                out.writeEndObject();
            }
            out.writeArrayFieldStart("caches");
            for (CacheSpec spec : runtime.config().caches().values()) {
                out.writeStartObject();
                out.writeStringField("name", spec.name());
                out.writeStringField("tier", tier(spec));
                out.writeStringField("state", runtime.cache(spec.name()) == null ? "not running" : "up");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }));
    }

    private Response metrics() {
        CacheRuntime runtime = agent.runtime();
        return Response.text(200, PrometheusFormat.CONTENT_TYPE,
                PrometheusFormat.render(runtime.gauges(), List.copyOf(runtime.ruleMetrics().values())));
    }

    private Response caches() {
        CacheRuntime runtime = agent.runtime();
        Map<String, CacheSpec> specs = runtime.config().caches();
        return Response.json(200, Json.write(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("caches");
            for (CacheView view : runtime.views()) {
                writeCache(out, view, specs.get(view.cache()));
            }
            out.writeEndArray();
            out.writeEndObject();
        }));
    }

    private static void writeCache(JsonGenerator out, CacheView view, CacheSpec spec) throws IOException {
        CacheFigures figures = view.figures();
        out.writeStartObject();
        out.writeStringField("name", figures.cache());
        if (spec != null) {
            out.writeStringField("tier", tier(spec));
            out.writeNumberField("ttlMs", spec.ttl().toMillis());
            out.writeNumberField("maxEntries", spec.maxEntries());
        }
        out.writeNumberField("size", figures.size());
        out.writeNumberField("hits", figures.hits());
        out.writeNumberField("misses", figures.misses());
        Json.number(out, "hitRate", figures.hitRate());
        out.writeNumberField("loads", figures.loads());
        out.writeNumberField("loadErrors", figures.loadErrors());
        out.writeNumberField("evictions", figures.evictions());
        out.writeObjectFieldStart("hitLatencyMs");
        Json.number(out, "p50", figures.hitP50Ms());
        Json.number(out, "p95", figures.hitP95Ms());
        Json.number(out, "p99", figures.hitP99Ms());
        out.writeEndObject();
        out.writeObjectFieldStart("missLatencyMs");
        Json.number(out, "p50", figures.missP50Ms());
        Json.number(out, "p95", figures.missP95Ms());
        Json.number(out, "p99", figures.missP99Ms());
        out.writeEndObject();
        Json.number(out, "savedMs", figures.savedMs());
        Json.number(out, "savedCost", figures.savedCost());
        out.writeArrayFieldStart("rules");
        for (var rule : view.rules()) {
            out.writeString(rule.rule());
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private Response entries(String name, String topParameter) {
        int top;
        try {
            top = topParameter == null ? DEFAULT_TOP : Integer.parseInt(topParameter);
        } catch (NumberFormatException e) {
            top = -1;
        }
        if (top < 1 || top > MAX_TOP) {
            return Response.error(400, "top must be a whole number from 1 to " + MAX_TOP + ", not '" + topParameter
                    + "' — e.g. ?top=10");
        }
        CacheRuntime runtime = agent.runtime();
        CacheTier cache = runtime.cache(name);
        if (cache == null) {
            return unknownCache(runtime, name);
        }
        CacheSpec spec = runtime.config().caches().get(name);
        boolean inRedisOnly = spec != null && spec.tier() == CacheSpec.Tier.REDIS;
        boolean hashed = runtime.keysAreSecret(name);
        List<UsedEntry> used = cache.mostUsed(top);
        int shown = top;
        return Response.json(200, Json.write(out -> {
            out.writeStartObject();
            out.writeStringField("cache", name);
            out.writeNumberField("top", shown);
            if (inRedisOnly) {
                out.writeStringField("note", "a cache of tier redis keeps its entries in Redis only; hits per entry"
                        + " are counted by the local copies of tiers local and two-level");
            }
            out.writeArrayFieldStart("entries");
            for (UsedEntry entry : used) {
                out.writeStartObject();
                if (hashed) {
                    out.writeStringField("keyHash", KeyText.hashOf(entry.key()));
                } else {
                    out.writeStringField("key", KeyText.of(entry.key()));
                }
                out.writeNumberField("hits", entry.hits());
                Json.number(out, "ageMs", millis(entry.age()));
                if (entry.sinceLastHit() != null) {
                    Json.number(out, "lastHitMsAgo", millis(entry.sinceLastHit()));
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }));
    }

    private Response rules() {
        List<RuleStatus> rules = agent.runtime().ruleStatuses();
        return Response.json(200, Json.write(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("rules");
            for (RuleStatus rule : rules) {
                out.writeStartObject();
                out.writeStringField("name", rule.name());
                out.writeBooleanField("enabled", rule.enabled());
                out.writeBooleanField("enabledInFile", rule.enabledInFile());
                out.writeArrayFieldStart("methods");
                for (String m : rule.methods()) {
                    out.writeString(m);
                }
                out.writeEndArray();
                out.writeArrayFieldStart("errors");
                for (String e : rule.errors()) {
                    out.writeString(e);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }));
    }

    private Response invalidate(String name, String body) {
        CacheRuntime runtime = agent.runtime();
        CacheTier cache = runtime.cache(name);
        if (cache == null) {
            return unknownCache(runtime, name);
        }
        Map<String, String> fields;
        try {
            fields = Json.stringFields(body.isBlank() ? "" : body);
        } catch (IllegalArgumentException e) {
            return Response.error(400, e.getMessage() + " — send {} to drop every entry, {\"key\": \"…\"} for one key"
                    + " or {\"pattern\": \"…*\"} for the keys a glob matches");
        }
        if (fields.size() > 1 || !List.of("key", "pattern").containsAll(fields.keySet())) {
            return Response.error(400, "the body has " + fields.keySet() + "; it takes at most one field, key or"
                    + " pattern — send {} to drop every entry");
        }
        Event.Builder event = Event.builder("evict").channel("admin").cache(name).reason("admin");
        String scope;
        if (fields.containsKey("key")) {
            cache.invalidateText(fields.get("key"));
            scope = "key";
            event.key(runtime.keysAreSecret(name) ? null : fields.get("key"));
        } else if (fields.containsKey("pattern")) {
            cache.invalidateMatching(fields.get("pattern"));
            scope = "pattern";
            event.attribute("pattern", fields.get("pattern"));
        } else {
            cache.invalidateAll();
            scope = "all";
            event.attribute("all", true);
        }
        events.emit(event.build());
        return Response.json(200, Json.write(out -> {
            out.writeStartObject();
            out.writeStringField("cache", name);
            out.writeStringField("invalidated", scope);
            if (fields.containsKey(scope)) {
                out.writeStringField(scope, fields.get(scope));
            }
            out.writeNumberField("size", cache.size());
            out.writeEndObject();
        }));
    }

    private Response switchRule(String name, boolean on) {
        CacheRuntime runtime = agent.runtime();
        RuleStatus rule = runtime.ruleStatuses().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (rule == null) {
            return Response.error(404, "no rule '" + name + "' — the rules are: "
                    + runtime.ruleStatuses().stream().map(RuleStatus::name).toList());
        }
        if (!rule.enabledInFile()) {
            return Response.error(409, "rule '" + name + "' is off in the rule file (enabled: false), so it"
                    + " instruments nothing to switch — set enabled: true in the file and reload");
        }
        runtime.enableRule(name, on);
        events.emit(Event.builder("rule_switched").channel("admin").rule(name).attribute("enabled", on).build());
        return Response.json(200, Json.write(out -> {
            out.writeStartObject();
            out.writeStringField("rule", name);
            out.writeBooleanField("enabled", on);
            out.writeEndObject();
        }));
    }

    private Response reload() {
        ReloadResult result = agent.reload("admin");
        if (result instanceof ReloadResult.Applied applied) {
            return Response.json(200, Json.write(out -> {
                out.writeStartObject();
                out.writeBooleanField("reloaded", true);
                out.writeNumberField("rules", applied.rules());
                out.writeNumberField("caches", applied.caches());
                out.writeArrayFieldStart("keptCaches");
                for (String c : applied.keptCaches()) {
                    out.writeString(c);
                }
                out.writeEndArray();
                out.writeNumberField("retransformedClasses", applied.retransformedClasses());
                out.writeArrayFieldStart("restartNeeded");
                for (String s : applied.restartNeeded()) {
                    out.writeString(s);
                }
                out.writeEndArray();
                out.writeEndObject();
            }));
        }
        ReloadResult.Refused refused = (ReloadResult.Refused) result;
        return Response.json(422, Json.write(out -> {
            out.writeStartObject();
            out.writeBooleanField("reloaded", false);
            out.writeNumberField("status", 422);
            out.writeStringField("error", "the rule file has errors; the running configuration is kept — fix them"
                    + " and reload again");
            out.writeArrayFieldStart("errors");
            for (String e : refused.errors()) {
                out.writeString(e);
            }
            out.writeEndArray();
            out.writeEndObject();
        }));
    }

    private static Response unknownCache(CacheRuntime runtime, String name) {
        return Response.error(404, "no cache '" + name + "' runs here — the caches are: "
                + runtime.config().caches().keySet());
    }

    private static String tier(CacheSpec spec) {
        return spec.tier().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
