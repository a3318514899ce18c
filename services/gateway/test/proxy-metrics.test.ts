import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createProxyMetrics } from '../src/proxy-metrics.js';

describe('proxied request metrics', () => {
  it('scrape as Prometheus counters and a cumulative histogram per service', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'gateway' });
    const now = 1_000_000;
    const answered = createProxyMetrics(registry, () => now);
    answered('catalog', 200, now - 3); // 3 ms: in the 5 ms bucket
    answered('catalog', 200, now - 0.5); // 0.5 ms: in the 1 ms bucket
    answered('catalog', 503, now - 7_000); // 7 s: above the largest bound
    answered('auth', 401, now - 20);

    const text = await registry.metrics();
    expect(text).toContain('# TYPE gateway_proxied_requests_total counter');
    expect(text).toContain('# TYPE gateway_proxied_request_duration_seconds histogram');
    // The service label is the proxied service's, not the registry's default one.
    expect(text).toContain('gateway_proxied_requests_total{service="catalog",status="200"} 2');
    expect(text).toContain('gateway_proxied_requests_total{service="catalog",status="503"} 1');
    expect(text).toContain('gateway_proxied_requests_total{service="auth",status="401"} 1');
    const bucket = (service: string, le: string) =>
      Number(
        new RegExp(
          `gateway_proxied_request_duration_seconds_bucket\\{le="${le.replace('+', '\\+')}",service="${service}"\\} (\\d+)`,
        ).exec(text)?.[1],
      );
    expect(bucket('catalog', '0.001')).toBe(1);
    expect(bucket('catalog', '0.0025')).toBe(1);
    expect(bucket('catalog', '0.005')).toBe(2);
    expect(bucket('catalog', '5')).toBe(2);
    expect(bucket('catalog', '+Inf')).toBe(3);
    expect(bucket('auth', '0.01')).toBe(0);
    expect(bucket('auth', '0.025')).toBe(1);
    expect(text).toContain('gateway_proxied_request_duration_seconds_count{service="catalog"} 3');
    const sum = Number(
      /gateway_proxied_request_duration_seconds_sum\{service="catalog"\} ([\d.]+)/.exec(text)?.[1],
    );
    expect(sum).toBeCloseTo(7.0035, 9);

    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('service="catalog"');
  });
});
