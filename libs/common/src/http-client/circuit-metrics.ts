import { AsyncLocalStorage } from 'node:async_hooks';
import { CircuitState } from 'cockatiel';
import type { Metric } from 'prom-client';
import { scrapedMetric } from '../http/scraped-metric.js';

/** One internal client's breaker, as the metrics see it. */
export interface Circuit {
  upstream: string;
  readonly state: CircuitState;
}

// The clients a service's `setup` creates, collected without each service handing them over: several
// services share a process in `npm start`, and each /metrics must show only its own clients.
const collecting = new AsyncLocalStorage<Set<Circuit>>();

/** Runs `setup`, adding every internal client it creates to `circuits`. */
export function collectCircuits<T>(circuits: Set<Circuit>, setup: () => T): T {
  return collecting.run(circuits, setup);
}

/** Called by each new internal client. */
export function circuitCreated(circuit: Circuit): void {
  collecting.getStore()?.add(circuit);
}

const STATE_VALUE: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  // Isolated by hand: as good as open for callers.
  [CircuitState.Isolated]: 2,
};

/** `internal_client_circuit_state{upstream}`: 0 closed, 1 half-open, 2 open, read when scraped. */
export function circuitStateMetric(circuits: ReadonlySet<Circuit>): Metric {
  return scrapedMetric(
    'internal_client_circuit_state',
    "State of each internal client's circuit breaker: 0 closed, 1 half-open, 2 open",
    'gauge',
    () => [...circuits].map(({ upstream, state }) => ({ labels: { upstream }, value: STATE_VALUE[state] })),
  );
}
