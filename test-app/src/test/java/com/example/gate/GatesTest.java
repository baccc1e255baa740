package com.example.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatesTest {

    private final Gates gates = new Gates();

    private void awaitWaiting(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gates.state(name).waiting() == 0) {
            assertThat(System.nanoTime()).as("a call waiting at gate " + name + " within 5 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void pass_unarmedGate_returnsAtOnce() {
        gates.pass("read");

        assertThat(gates.state("read")).isEqualTo(new Gates.State("read", false, 0));
    }

    @Test
    void pass_armedGate_holdsTheCallUntilReleased() throws Exception {
        gates.arm("read");
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> gates.pass("read"));
        awaitWaiting("read");

        assertThat(call).isNotDone();
        gates.release("read");
        call.get(5, TimeUnit.SECONDS);
        assertThat(gates.state("read").armed()).isFalse();
    }

    @Test
    void pass_armedGate_holdsOnlyTheNextCall() throws Exception {
        gates.arm("read");
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> gates.pass("read"));
        awaitWaiting("read");

        gates.pass("read");

        assertThat(held).isNotDone();
        gates.release("read");
        held.get(5, TimeUnit.SECONDS);
    }
}
