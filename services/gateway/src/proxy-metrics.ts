import { Counter, Histogram, type Registry } from 'prom-client';
import type { ServiceName } from './route-table.js';

/** Proxied requests counted by service and status, and timed until the service's answer head arrives. */
export function createProxyMetrics(registry: Registry) {
  const requests = new Counter({
    name: 'gateway_proxied_requests_total',
    help: 'Requests proxied by the gateway, by service and status',
    labelNames: ['service', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'gateway_proxied_request_duration_seconds',
    help: 'Time to answer a proxied request (headers sent by the service), by service',
    labelNames: ['service'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Labelled children looked up once: prom-client builds a key string on every `labels()` call.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const timers = new Map<ServiceName, ReturnType<typeof latency.labels>>();

  return function answered(service: ServiceName, status: number, started: number) {
    const key = `${service} ${status}`;
    let counter = counters.get(key);
    if (!counter) {
      counter = requests.labels(service, String(status));
      counters.set(key, counter);
    }
    counter.inc();
    let timer = timers.get(service);
    if (!timer) {
      timer = latency.labels(service);
      timers.set(service, timer);
    }
    timer.observe((performance.now() - started) / 1000);
  };
}

export type ProxyMetrics = ReturnType<typeof createProxyMetrics>;
