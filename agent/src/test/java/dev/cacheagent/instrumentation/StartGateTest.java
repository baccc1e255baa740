package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.SelectableTypes;
import dev.cacheagent.matching.TypeScreen;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate that holds back, while the rule file is parsed, the classes its rules may select. */
class StartGateTest {
    private static final byte[] ORIGINAL = {1};
    private static final byte[] REWRITTEN = {2};
    private static final String SELECTED = "com/example/Service";
    private static final String OTHER = "com/example/app/Main";
    private static final TypeScreen SCREEN =
            TypeScreen.of(new SelectableTypes(false, Set.of("com.example.Service"), List.of()));

    /** Rewrites every class it is given: what the agent's transformer does to the selected ones. */
    private static final ClassFileTransformer RULES = new ClassFileTransformer() {
        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                byte[] classfile) {
            return REWRITTEN;
        }
    };

    private final Thread starter = new Thread(() -> { }, "starter");
    private Thread loading;

    /** A test that fails leaves no thread waiting at a gate that nothing opens. */
    @AfterEach
    void stopLoading() throws InterruptedException {
        if (loading != null) {
            loading.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static byte[] load(StartGate gate, String name) throws Exception {
        return gate.transform(null, name, null, null, ORIGINAL);
    }

    /** Loads {@code name} on an application thread; returns once that thread waits at the gate, or is done. */
    private CompletableFuture<byte[]> loadAndWait(StartGate gate, String name) {
        return loadAndWait(() -> load(gate, name));
    }

    private CompletableFuture<byte[]> loadAndWait(Callable<byte[]> loadOnApplicationThread) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        loading = new Thread(() -> {
            try {
                result.complete(loadOnApplicationThread.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, "application");
        loading.setDaemon(true);
        loading.start();
        while (loading.getState() != Thread.State.TIMED_WAITING && !result.isDone()) {
            Thread.onSpinWait();
        }
        return result;
    }

    @Test
    void transform_aClassNoRuleMaySelect_loadsUntouchedWithoutWaiting() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, TimeUnit.HOURS.toMillis(1));
        assertThat(load(gate, OTHER)).isNull();
    }

    @Test
    void transform_aClassARuleMaySelect_waitsForTheRulesAndGetsThem() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, TimeUnit.HOURS.toMillis(1));
        CompletableFuture<byte[]> loaded = loadAndWait(gate, SELECTED);
        assertThat(loaded).isNotDone();

        assertThat(gate.open(RULES)).isFalse();

        assertThat(loaded.get(1, TimeUnit.MINUTES)).isEqualTo(REWRITTEN);
    }

    @Test
    void close_aBadRuleFile_letsTheWaitingClassLoadUntouched() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, TimeUnit.HOURS.toMillis(1));
        CompletableFuture<byte[]> loaded = loadAndWait(gate, SELECTED);

        gate.close();

        assertThat(loaded.get(1, TimeUnit.MINUTES)).isNull();
        assertThat(load(gate, SELECTED)).isNull();
    }

    @Test
    void close_afterTheRulesAreInForce_changesNothing() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, TimeUnit.HOURS.toMillis(1));
        gate.open(RULES);

        gate.close();

        assertThat(load(gate, SELECTED)).isEqualTo(REWRITTEN);
    }

    @Test
    void transform_onceOpen_handsEveryClassToTheRules() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, TimeUnit.HOURS.toMillis(1));
        gate.open(RULES);
        assertThat(load(gate, OTHER)).isEqualTo(REWRITTEN);
        assertThat(load(gate, "java/lang/String")).isEqualTo(REWRITTEN);
    }

    @Test
    void transform_onTheStartingThread_doesNotWaitForItself_andOpenAsksForAPass() throws Exception {
        AtomicReference<byte[]> loaded = new AtomicReference<>(ORIGINAL);
        StartGate[] gate = new StartGate[1];
        Thread self = new Thread(() -> {
            try {
                loaded.set(load(gate[0], SELECTED));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        gate[0] = new StartGate(null, SCREEN, self, TimeUnit.HOURS.toMillis(1));
        self.start();
        self.join();

        assertThat(loaded.get()).isNull();
        assertThat(gate[0].open(RULES)).isTrue();
    }

    @Test
    void transform_whenTheWaitRunsOut_loadsUntouched_thenNoClassWaits_andOpenAsksForAPass() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, 1);
        assertThat(load(gate, SELECTED)).isNull();
        StartGate neverWaits = gate;
        CompletableFuture<byte[]> again = CompletableFuture.supplyAsync(() -> {
            try {
                return load(neverWaits, SELECTED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(again.get(1, TimeUnit.MINUTES)).isNull();
        assertThat(gate.open(RULES)).isTrue();
    }

    @Test
    void transform_anInterruptedApplicationThread_stillWaitsForTheRules_andKeepsItsInterrupt() throws Exception {
        StartGate gate = new StartGate(null, SCREEN, starter, TimeUnit.HOURS.toMillis(1));
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        CompletableFuture<byte[]> loaded = loadAndWait(() -> {
            Thread.currentThread().interrupt();
            byte[] result = load(gate, SELECTED);
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            return result;
        });
        assertThat(loaded).isNotDone();

        gate.open(RULES);

        assertThat(loaded.get(1, TimeUnit.MINUTES)).isEqualTo(REWRITTEN);
        assertThat(interruptedAfter.get()).isTrue();
    }
}
