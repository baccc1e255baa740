package com.example.app;

import java.util.Optional;

/**
 * How one demo step went.
 *
 * @param nanos how long the call took, as its caller saw it
 * @param error for {@link Outcome#ERROR}: the exception's class and message
 */
record StepResult(Workload workload, Outcome outcome, long nanos, Optional<String> error) {}
