import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventBus } from '@sproul/common/bus';
import { createMetrics } from '@sproul/common/http';
import { circuitStateMetric } from '@sproul/common/http-client';
import { MessagingMetrics } from '@sproul/common/messaging';
import type { Metric } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCacheMetrics } from '../services/catalog/src/read-cache/read-cache-metrics.js';
import { createProxyMetrics } from '../services/gateway/src/proxy-metrics.js';
import { serviceNames } from './support/deploy-files.js';
import { repoRoot } from './support/processes.js';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/**
 * Every metric name a service's /metrics exports, read from the same registries the services build:
 * the kernel's (HTTP, process, bus), its messaging and circuit figures, the gateway's proxy figures and
 * the catalog's read cache. Histograms add their `_bucket`, `_sum` and `_count`.
 */
async function exportedNames(): Promise<Set<string>> {
  const { registry } = createMetrics('any');
  createProxyMetrics(registry);
  const noRows = { db: { execute: async () => ({ rows: [] }) } };
  const kernel: Metric[] = [
    ...new MessagingMetrics().metrics({
      database: noRows as never,
      outbox: {} as never,
      bus: { queueDepths: async () => [] } as unknown as EventBus,
      queue: 'any',
    }),
    circuitStateMetric(new Set()),
    ...readCacheMetrics({
      figures: () => ({ entries: 0, bytes: 0, hits: 0, misses: 0, invalidations: 0, following: true }),
    } as never),
  ];
  for (const metric of kernel) registry.registerMetric(metric);
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram')
      for (const end of ['_bucket', '_sum', '_count']) names.add(metric.name + end);
  }
  return names;
}

const PROMQL_WORDS = new Set(
  'sum max min avg count rate increase irate histogram_quantile by without and or unless on ignoring label_values'.split(
    ' ',
  ),
);

/** The metric names a PromQL expression reads (strings, label matchers, ranges and groupings removed). */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/label_values\(([^,]+),[^)]*\)/g, '$1')
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  return [...bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)]
    .map((match) => match[0])
    .filter((word) => !PROMQL_WORDS.has(word));
}

interface Panel {
  title: string;
  targets: { expr: string }[];
}

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(read('deploy/grafana/dashboards/sproul.json')) as {
    uid: string;
    panels: Panel[];
    templating: { list: { definition?: string }[] };
  };

  it('queries only metrics some service exports', async () => {
    const names = await exportedNames();
    const queried = [
      ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
      ...dashboard.templating.list.flatMap((variable) => (variable.definition ? [variable.definition] : [])),
    ].flatMap(metricsIn);
    expect(queried.length).toBeGreaterThan(10);
    expect(queried.filter((name) => !names.has(name))).toEqual([]);
  });

  it('shows what issue 23 asks for', () => {
    const all = JSON.stringify(dashboard.panels);
    for (const metric of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'events_published_total',
      'events_consumed_total',
      'events_dead_lettered_total',
      'outbox_lag_seconds',
      'event_queue_messages',
      'internal_client_circuit_state',
      'catalog_read_cache_hits',
      'catalog_read_cache_misses',
    ])
      expect(all).toContain(metric);
    expect(dashboard.uid).toBe('sproul-overview');
  });
});

describe('the Prometheus configuration', () => {
  it('alert rules parse, read exported metrics, and cover outbox lag, dead letters, 5xx and p99', async () => {
    const names = await exportedNames();
    const { groups } = parse(read('deploy/prometheus/alerts.yml')) as {
      groups: { name: string; rules: { alert: string; expr: string; for?: string }[] }[];
    };
    const rules = groups.flatMap((group) => group.rules);
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(metricsIn(rule.expr).filter((name) => !names.has(name))).toEqual([]);
    }
    const exprs = rules.map((rule) => rule.expr).join('\n');
    for (const metric of [
      'outbox_lag_seconds',
      'events_dead_lettered_total',
      'status=~"5..',
      'histogram_quantile(0.99',
    ])
      expect(exprs).toContain(metric);
  });

  it('scrapes every service of docker-compose.yml, the gateway on its internal port', () => {
    const config = parse(read('deploy/prometheus/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const compose = parse(read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { build?: unknown }>;
    };
    // Our services (built from this repository and named after a folder of services/): the SES
    // emulator is built here too, but is no service of ours and has no /metrics.
    const services = Object.entries(compose.services)
      .filter(([name, service]) => service.build && serviceNames.includes(name))
      .map(([name]) => name)
      .sort();
    const targets = config.scrape_configs.flatMap((job) => job.static_configs.flatMap((s) => s.targets));
    expect(services).toContain('gateway');
    expect(targets.sort()).toEqual(
      services.map((name) => `${name}:${name === 'gateway' ? 9080 : 8080}`).sort(),
    );
    expect(config.rule_files).toEqual(['alerts.yml']);
  });
});
