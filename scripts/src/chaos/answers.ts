import { fetchJson, type JsonAnswer, type JsonRequest } from '@sproul/common/testing';

/** One answer the workload got from the gateway (status 0: no answer at all, e.g. the gateway was down). */
export interface RecordedAnswer {
  at: number;
  method: string;
  /** The path with ids and tokens replaced by `:id`, so that answers group by route. */
  route: string;
  status: number;
  ms: number;
}

/** Statuses a request may get while a service or a dependency is down: the platform says "not now". */
export const UNAVAILABLE = new Set([502, 503, 504]);

const routeOf = (path: string) =>
  path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
    .replace(/\/[A-Za-z0-9_-]{24,}(?=\/|$)/g, '/:token')
    .replace(/\/chaos-[a-z0-9-]+/g, '/:link');

/** Every answer of the workload, kept for the report and the "no 5xx but 502/503/504" invariant. */
export class AnswerLog {
  readonly answers: RecordedAnswer[] = [];

  /** Calls through the gateway like a web client (JSON, bearer token, redirects not followed), recording the answer. */
  client(baseUrl: string, headers: Record<string, string> = {}) {
    return async (path: string, init: JsonRequest = {}): Promise<JsonAnswer> => {
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      const started = Date.now();
      try {
        const answer = await fetchJson(
          `${baseUrl}${path}`,
          { ...init, headers: { ...headers, ...init.headers } },
          { stringsAs: 'json' },
        );
        this.record(method, path, answer.status, started);
        return answer;
      } catch {
        // Refused or cut: the gateway itself was down (killed), which a client sees as no answer.
        this.record(method, path, 0, started);
        return { status: 0, headers: new Headers(), body: undefined };
      }
    };
  }

  record(method: string, path: string, status: number, started: number) {
    this.answers.push({ at: started, method, route: routeOf(path), status, ms: Date.now() - started });
  }

  /** Answers that are a finding: a 5xx the platform should never give (a 500 is a bug, not an outage). */
  bad5xx() {
    return this.answers.filter((answer) => answer.status >= 500 && !UNAVAILABLE.has(answer.status));
  }

  /** Answers other than 2xx/3xx, by status and route, most frequent first. */
  failuresByRoute() {
    const counts = new Map<string, number>();
    for (const { status, method, route } of this.answers) {
      if (status >= 200 && status < 400) continue;
      const key = `${status} ${method} ${route}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([answer, count]) => ({ answer, count }));
  }

  /** Counts by status, e.g. { "200": 812, "503": 14, "0": 3 }. */
  byStatus() {
    const counts: Record<string, number> = {};
    for (const { status } of this.answers) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }
}

export type RecordingApi = ReturnType<AnswerLog['client']>;
