import type { FuzzFinding, FuzzOptions } from './fuzz-options.js';
import type { FuzzRoute } from './openapi-document.js';
import { answer } from './send-request.js';
import { variantsOf } from './variants.js';

/** One job per variant of each route: send it, and record the answer as a finding if it broke the rules. */
export function jobsFor(routes: FuzzRoute[], options: FuzzOptions, findings: FuzzFinding[]) {
  const answeredFirst = new Set(options.answeredFirst ?? [429]);
  const jobs: (() => Promise<void>)[] = [];
  for (const route of routes) {
    const documentedTypes = Object.values(route.operation.responses ?? {}).flatMap((response) =>
      Object.keys(response.content ?? {}),
    );
    for (const variant of variantsOf(route, options)) {
      jobs.push(async () => {
        const search = new URLSearchParams(variant.query).toString();
        const url = `${options.baseUrl}${variant.path}${search ? `?${search}` : ''}`;
        const headers: Record<string, string> = { ...(await options.headers?.(route)), ...variant.headers };
        if (variant.body !== undefined && variant.contentType) headers['content-type'] = variant.contentType;
        const res = await answer(url, route.method, headers, variant.body);
        const isJson = /^application\/(.+\+)?json/i.test(res.contentType);
        let envelope = false;
        if (isJson) {
          try {
            envelope = (JSON.parse(res.text) as { status?: unknown }).status === 'error';
          } catch {}
        }
        // A documented 502-504 (single sign-on not configured, say) is the route's normal answer; a 500 never is.
        const documentedFailure = res.status > 500 && String(res.status) in (route.operation.responses ?? {});
        const broken =
          (res.status >= 500 && !documentedFailure) ||
          (res.status >= 400 && !envelope) ||
          (variant.expect400 && res.status !== 400 && !answeredFirst.has(res.status)) ||
          (res.status < 300 &&
            !isJson &&
            !documentedTypes.some((type) => res.contentType.startsWith(type)) &&
            res.text.length > 0);
        if (broken) {
          findings.push({
            request: `${route.method} ${route.path}: ${variant.label}`,
            status: res.status,
            contentType: res.contentType,
            body: res.text.slice(0, 300),
          });
        }
      });
    }
  }
  return jobs;
}
