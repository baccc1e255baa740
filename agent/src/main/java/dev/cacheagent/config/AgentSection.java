package dev.cacheagent.config;

import dev.cacheagent.config.AgentSettings.OnConfigError;
import dev.cacheagent.config.LogSettings.Format;
import dev.cacheagent.config.LogSettings.Sink;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads the {@code agent:} section. */
final class AgentSection {
    private static final String FILE_SINK = "file:";

    AgentSettings read(YamlMap agent) {
        AgentSettings defaults = AgentSettings.defaults();
        boolean enabled = agent.get("enabled", Scalar::asBoolean, defaults.enabled());
        OnConfigError onConfigError =
                agent.get("onConfigError", Scalar.choice(OnConfigError.class), defaults.onConfigError());
        boolean reload = agent.get("reload", Scalar::asBoolean, defaults.reload());
        LogSettings log = agent.section("log", "agent.log").map(this::log).orElse(defaults.log());
        Duration stats = agent.get("stats", Scalar::asIntervalOrOff, defaults.stats());
        AdminSettings admin = agent.section("admin", "agent.admin").map(this::admin).orElse(defaults.admin());
        agent.finish();
        return new AgentSettings(enabled, onConfigError, reload, log, stats, admin);
    }

    private LogSettings log(YamlMap log) {
        LogSettings defaults = LogSettings.defaults();
        Sink sink = log.get("sink", AgentSection::sink, defaults.sink());
        Format format = log.get("format", Scalar.choice(Format.class), defaults.format());
        log.finish();
        return new LogSettings(sink, format);
    }

    private static Sink sink(Scalar scalar) throws InvalidValue {
        String text = scalar.asText();
        if (text.equals("stderr")) {
            return new Sink.Stderr();
        }
        if (text.equals("stdout")) {
            return new Sink.Stdout();
        }
        if (!text.startsWith(FILE_SINK)) {
            throw new InvalidValue("must be stderr, stdout or file:<path>, not " + scalar.shown(),
                    "write e.g. file:/var/log/app/cache-events.jsonl");
        }
        String file = text.substring(FILE_SINK.length());
        if (file.isBlank()) {
            throw new InvalidValue("names no file",
                    "write the path after 'file:', e.g. file:/var/log/app/events.jsonl");
        }
        try {
            return new Sink.File(Path.of(file));
        } catch (InvalidPathException e) {
            throw new InvalidValue("is not a valid path: " + e.getReason(), "write a valid file path after 'file:'",
                    FILE_SINK.length() + Math.max(e.getIndex(), 0));
        }
    }

    private AdminSettings admin(YamlMap admin) {
        Optional<HostPort> bind = admin.optional("bind", HostPort::parse);
        String token = admin.get("token", Scalar::asTextOrEmpty, "");
        boolean allowRemote = admin.get("allowRemote", Scalar::asBoolean, false);
        bind.ifPresent(b -> {
            if (!b.isLoopback() && !allowRemote) {
                admin.error(admin.valuePosition("bind"), "'bind' " + b + " is reachable from other machines",
                        "bind to 127.0.0.1, or add allowRemote: true if remote access is intended");
            }
        });
        admin.finish();
        return new AdminSettings(bind.map(HostPort::toString).orElse(null), token, allowRemote);
    }
}
