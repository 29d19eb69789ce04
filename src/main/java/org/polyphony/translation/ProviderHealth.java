package org.polyphony.translation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rests a provider that keeps failing: after a few failures in a row it is not called for a while, so a service
 * that is down is not hammered and its jobs wait instead of using up their attempts. Kept per node.
 */
final class ProviderHealth {

    private final int failuresBeforeRest;
    private final Duration rest;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    ProviderHealth(int failuresBeforeRest, Duration rest, Clock clock) {
        this.failuresBeforeRest = failuresBeforeRest;
        this.rest = rest;
        this.clock = clock;
    }

    private record State(int failuresInARow, Instant restingUntil) {}

    /** When the provider may be called again; null when it may be called now. */
    Instant restingUntil(String provider) {
        State state = states.get(provider);
        return state == null || state.restingUntil() == null || !clock.instant().isBefore(state.restingUntil())
                ? null
                : state.restingUntil();
    }

    void succeeded(String provider) {
        states.remove(provider);
    }

    void failed(String provider) {
        states.compute(provider, (name, state) -> {
            int failures = state == null ? 1 : state.failuresInARow() + 1;
            return new State(
                    failures, failures >= failuresBeforeRest ? clock.instant().plus(rest) : null);
        });
    }
}
