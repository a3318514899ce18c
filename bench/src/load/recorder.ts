// What one load step measured: every answer's latency by route, its status, and the answers that
// were errors (anything but 2xx, 3xx — 304 included — is one), with a few of their bodies to show.
import { percentile } from '../stats.js';
import { ROUTES, type Route, type RouteClass } from './mix.js';

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
}

export interface StepSummary {
  connections: number;
  seconds: number;
  /** Successful answers per second. */
  throughput: number;
  overall: LatencySummary;
  byClass: Record<string, LatencySummary>;
  byRoute: Record<string, LatencySummary & { errors: number }>;
  /** Error answers by "route status" (e.g. "rsvp 409"), and transport errors (time-outs, resets). */
  errors: Record<string, number>;
  errorCount: number;
  /** Up to 10 error answers as they came, to tell what went wrong. */
  errorSamples: string[];
}

export const isSuccess = (status: number) => status >= 200 && status < 400;

export class StepRecorder {
  private readonly latencies = new Map<Route, number[]>();
  private readonly failures = new Map<Route, number>();
  private readonly errors: Record<string, number> = {};
  private readonly samples: string[] = [];
  private ok = 0;
  /** Answers so far, errors included (the soak's throughput samples read it). */
  answered = 0;

  record(route: Route, status: number, ms: number, body: string) {
    const list = this.latencies.get(route) ?? [];
    if (list.length === 0) this.latencies.set(route, list);
    list.push(ms);
    this.answered++;
    if (isSuccess(status)) {
      this.ok++;
      return;
    }
    this.failures.set(route, (this.failures.get(route) ?? 0) + 1);
    this.errors[`${route} ${status}`] = (this.errors[`${route} ${status}`] ?? 0) + 1;
    if (this.samples.length < 10) this.samples.push(`${route} ${status}: ${body.slice(0, 200)}`);
  }

  transportError(error: Error) {
    this.errors[`transport: ${error.message}`] = (this.errors[`transport: ${error.message}`] ?? 0) + 1;
  }

  summary(connections: number, seconds: number): StepSummary {
    const summarize = (values: number[]): LatencySummary => ({
      count: values.length,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
    });
    const byClass = new Map<RouteClass, number[]>();
    const all: number[] = [];
    const byRoute: StepSummary['byRoute'] = {};
    for (const [route, values] of this.latencies) {
      byRoute[route] = { ...summarize(values), errors: this.failures.get(route) ?? 0 };
      const routeClass = ROUTES[route].routeClass;
      if (!byClass.has(routeClass)) byClass.set(routeClass, []);
      for (const value of values) {
        byClass.get(routeClass)!.push(value);
        all.push(value);
      }
    }
    const errorCount = Object.values(this.errors).reduce((sum, n) => sum + n, 0);
    return {
      connections,
      seconds,
      throughput: this.ok / seconds,
      overall: summarize(all),
      byClass: Object.fromEntries([...byClass].map(([name, values]) => [name, summarize(values)])),
      byRoute,
      errors: { ...this.errors },
      errorCount,
      errorSamples: [...this.samples],
    };
  }
}
