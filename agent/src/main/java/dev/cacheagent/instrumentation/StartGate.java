package dev.cacheagent.instrumentation;

import dev.cacheagent.matching.TypeScreen;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent's class file transformer from the start of {@code premain}, while the rule file is parsed in
 * the background: the application's {@code main} does not wait for that, only a class that a rule of the
 * file may select does ({@link TypeScreen}, from the file's text). Such a class waits until the rules are
 * in force and is then rewritten by them, so no class a rule selects ever runs without its rules. Every
 * other class loads at once, untouched.
 *
 * <p>Once the rules are in force ({@link #open}) the gate hands every transformation to the agent's
 * transformer, for good: retransformations at a reload go through it too. If the rule file turns out bad
 * or disabled, {@link #close} removes the gate and the waiting classes load untouched.
 *
 * <p>The wait is bounded ({@link #MAX_WAIT_MS}) so that nothing the background start could get stuck on
 * can stall the application: after it, classes load untouched, and those a rule selects are retransformed
 * when the rules come into force.
 */
public final class StartGate implements ClassFileTransformer {
    /** Far above a normal start (well under a second), far below what a stalled application costs. */
    static final long MAX_WAIT_MS = 10_000;

    /** {@code null} in tests that call the gate directly. */
    private final Instrumentation instrumentation;
    private final TypeScreen screen;
    /** The thread that parses the rule file: it cannot wait for itself. */
    private final Thread starter;
    private final long maxWaitMs;
    private final CountDownLatch decided = new CountDownLatch(1);
    /** The agent's transformer once the rules are in force; {@code null} before and after {@link #close}. */
    private volatile ClassFileTransformer rules;
    private volatile boolean closed;
    /** Set once a wait has run out: from then on no class waits. */
    private volatile boolean gaveUp;
    /** Set when a class a rule may select loaded untouched: {@link #open} then reports that a pass is needed. */
    private volatile boolean missed;

    StartGate(Instrumentation instrumentation, TypeScreen screen, Thread starter, long maxWaitMs) {
        this.instrumentation = instrumentation;
        this.screen = screen;
        this.starter = starter;
        this.maxWaitMs = maxWaitMs;
    }

    /** Installs the gate before the application's classes load; {@code starter} will open or close it. */
    public static StartGate install(Instrumentation instrumentation, TypeScreen screen, Thread starter) {
        StartGate gate = new StartGate(instrumentation, screen, starter, MAX_WAIT_MS);
        instrumentation.addTransformer(gate, true);
        return gate;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfile) throws IllegalClassFormatException {
        ClassFileTransformer target = rules;
        if (target != null) {
            return target.transform(loader, internalName, classBeingRedefined, domain, classfile);
        }
        if (closed || internalName == null) {
            return null;
        }
        if (IgnoredTypes.ignoredInternalName(internalName) || !screen.mayMatch(internalName.replace('/', '.'))) {
            return null;
        }
        if (!gaveUp && Thread.currentThread() != starter && !awaitDecision()) {
            gaveUp = true;
        }
        target = rules;
        if (target == null && !closed) {
            missed = true;
            // Read again: rules put in force between the two reads are applied here, as open() may not see the flag.
            target = rules;
        }
        return target == null ? null : target.transform(loader, internalName, classBeingRedefined, domain, classfile);
    }

    /**
     * Waits, uninterruptibly as class loading is, until the rules are in force or the gate closes; an
     * interrupt that arrives meanwhile is kept for the application. {@code false} when the wait runs out.
     */
    private boolean awaitDecision() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return decided.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Puts the rules in force: waiting classes and every class from now on go to {@code transformer}.
     *
     * @return whether a class a rule may select loaded untouched before (see {@link #MAX_WAIT_MS}): the
     *     caller then retransforms the loaded classes its rules select
     */
    boolean open(ClassFileTransformer transformer) {
        rules = transformer;
        decided.countDown();
        return missed;
    }

    /**
     * Unless the rules are in force (then this does nothing): the rule file is not (an error, or the agent
     * disabled), so the gate leaves and the waiting classes load untouched.
     */
    public void close() {
        if (rules != null) {
            return;
        }
        closed = true;
        decided.countDown();
        if (instrumentation != null) {
            instrumentation.removeTransformer(this);
        }
    }
}
