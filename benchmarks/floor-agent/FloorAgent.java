import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The least a Java agent with a class file transformer can cost: a premain that registers a transformer which
 * changes nothing. What test-app's start costs with it is the floor under any such agent, cache-agent or the
 * OpenTelemetry agent: the JVM's agent machinery, the module graph it can no longer take from CDS, and the class
 * file hook on every class loaded. Built and run by benchmarks/agent-floor.sh.
 */
public final class FloorAgent {
    private FloorAgent() {}

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] classfile) {
                return null;
            }
        }, true);
    }
}
