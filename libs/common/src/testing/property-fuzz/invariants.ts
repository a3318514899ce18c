import { INJECTED_HEADER } from './hostile-strings.js';
import type { FuzzAnswer } from './send-request.js';

export interface Violation {
  invariant:
    | 'no 5xx'
    | 'error envelope'
    | 'no stack trace'
    | 'no secret'
    | 'no header injection'
    | 'no data change'
    | 'no answer';
  detail: string;
}

/** What gives a stack trace away: a frame (`at fn (file:1:2)`), a dependency's path, a source file's path. */
export const STACK_TRACE = [
  /\bat (?:async )?\S.*\(.+:\d+:\d+\)/,
  /\bat (?:file:\/\/)?\/[^\s:]+:\d+:\d+/,
  /node_modules[\\/]/,
  /\/(?:src|dist)\/[\w/.-]+\.[jt]s\b/,
];

/** Secrets by their shape: a database or broker URL with a password, a PEM private key, a JWK's private part. */
export const SECRET_SHAPES = [
  /\b(?:postgres(?:ql)?|amqps?|rediss?|mysql|mongodb):\/\/[^\s:@/"']+:[^\s@/"']+@/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /"d"\s*:\s*"[A-Za-z0-9_-]{20,}"/,
];

/** Where a text (an answer's body or headers, a log line) breaks the rules on what may be read. */
export function leaksIn(text: string, secrets: readonly string[]): Violation[] {
  const violations: Violation[] = [];
  const frame = STACK_TRACE.find((pattern) => pattern.test(text));
  if (frame) violations.push({ invariant: 'no stack trace', detail: excerptAround(text, frame) });
  const secret = secrets.find((value) => value && text.includes(value));
  if (secret)
    violations.push({
      invariant: 'no secret',
      detail: `a secret (${secret.slice(0, 3)}…) in ${excerptAround(text, secret, true)}`,
    });
  const shape = SECRET_SHAPES.find((pattern) => pattern.test(text));
  if (shape) violations.push({ invariant: 'no secret', detail: excerptAround(text, shape) });
  return violations;
}

/** The rules every answer keeps, whatever was sent. `documented`: statuses the route's documentation lists. */
export function checkAnswer(
  answer: FuzzAnswer,
  documented: ReadonlySet<number>,
  secrets: readonly string[],
): Violation[] {
  const violations: Violation[] = [];
  // A documented 502-504 (a provider not configured) is a route's normal answer; a 500 never is.
  if (answer.status >= 500 && !(answer.status > 500 && documented.has(answer.status))) {
    violations.push({ invariant: 'no 5xx', detail: `${answer.status}: ${answer.text.slice(0, 300)}` });
  }
  if (answer.status >= 400 && !isEnvelope(answer)) {
    violations.push({
      invariant: 'error envelope',
      detail: `${answer.status} ${String(answer.headers['content-type'] ?? '(no content type)')}: ${answer.text.slice(0, 200) || '(empty)'}`,
    });
  }
  if (Object.keys(answer.headers).some((name) => name.toLowerCase() === INJECTED_HEADER)) {
    violations.push({
      invariant: 'no header injection',
      detail: `the answer has a ${INJECTED_HEADER} header`,
    });
  }
  const headerText = Object.entries(answer.headers)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('\n');
  violations.push(...leaksIn(answer.text, secrets), ...leaksIn(headerText, secrets).map(inHeaders));
  return violations;
}

/** `{"status":"error","reason":"…","data":…}`, as JSON. */
export function isEnvelope(answer: FuzzAnswer): boolean {
  if (!/^application\/(?:.+\+)?json/i.test(String(answer.headers['content-type'] ?? ''))) return false;
  try {
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    return body.status === 'error' && typeof body.reason === 'string' && 'data' in body;
  } catch {
    return false;
  }
}

const inHeaders = (violation: Violation): Violation => ({
  ...violation,
  detail: `in a header: ${violation.detail}`,
});

function excerptAround(text: string, what: RegExp | string, hide = false): string {
  const at = typeof what === 'string' ? text.indexOf(what) : text.search(what);
  const excerpt = text.slice(Math.max(0, at - 80), at + 160);
  return hide && typeof what === 'string' ? excerpt.replaceAll(what, '<secret>') : excerpt;
}
