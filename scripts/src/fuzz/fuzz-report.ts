import { MAY_CHANGE_ON_REFUSAL } from './data-watch.js';
import { ANONYMOUS_ONLY, type PlatformFuzzResult } from './fuzz-run.js';

/** The run as JSON (every figure) and as Markdown (for people: docs/operations.md quotes it). */
export function fuzzReport(result: PlatformFuzzResult, command: string) {
  const { report } = result;
  const json = {
    command,
    seed: report.seed,
    requests: report.requests,
    durationMs: report.durationMs,
    routes: result.routes,
    routesExercised: Object.keys(report.perRoute).length,
    tablesWatched: result.tables,
    logLinesChecked: result.logLines,
    sessionRenewals: result.sessionRenewals,
    perStatusClass: report.perStatusClass,
    perMutation: report.perMutation,
    perIdentity: report.perIdentity,
    perRoute: report.perRoute,
    mayChangeOnRefusal: MAY_CHANGE_ON_REFUSAL,
    anonymousOnly: ANONYMOUS_ONLY,
    findings: report.findings,
  };
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  const classes = ['2xx', '3xx', '4xx', '5xx', 'no answer'];
  const markdown = [
    '# Property fuzzing through the gateway (`npm run fuzz`)',
    '',
    `\`${command}\`: seed ${report.seed}, ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, ` +
      `${json.routesExercised} of ${result.routes} documented routes, ${result.tables} tables watched, ` +
      `${result.logLines} log lines checked, ${result.sessionRenewals} sessions renewed after a fuzzed request ended one.`,
    '',
    `**Findings: ${report.findings.length}**`,
    '',
    ...report.findings.flatMap((finding) => [
      `## ${finding.signature} (${finding.occurrences}×)`,
      '',
      ...finding.violations.map(
        (violation) => `- ${violation.invariant}: ${violation.detail.replaceAll('\n', ' ')}`,
      ),
      '',
      'Shrunk counterexample:',
      '',
      '```',
      finding.readable,
      `→ ${finding.status} ${finding.answer.slice(0, 300)}`,
      '```',
      '',
    ]),
    '## Requests by status class',
    '',
    counts(report.perStatusClass),
    '',
    '## Requests by mutation',
    '',
    counts(report.perMutation),
    '',
    '## Requests by identity',
    '',
    counts(report.perIdentity),
    '',
    '## Tables a refused request may change',
    '',
    ...(Object.keys(MAY_CHANGE_ON_REFUSAL).length
      ? Object.entries(MAY_CHANGE_ON_REFUSAL).map(([table, why]) => `- \`${table}\`: ${why}`)
      : ['none: every table of every service read the same before and after each refused request']),
    '',
    `Sent without the fuzzer's own sessions (they would delete its accounts): ${ANONYMOUS_ONLY.join(', ')}.`,
    '',
    '## Requests per route',
    '',
    `| route | ${classes.join(' | ')} |`,
    `|---|${classes.map(() => '---:').join('|')}|`,
    ...Object.entries(report.perRoute)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, byClass]) => `| \`${route}\` | ${classes.map((c) => byClass[c] ?? 0).join(' | ')} |`),
    '',
  ].join('\n');
  return { json, markdown };
}
