import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FaultResult } from './faults.js';
import type { Verdict } from './invariants.js';
import type { Accepted } from './workload.js';

export interface ChaosReport {
  startedAt: string;
  durationS: number;
  ok: boolean;
  infrastructure: string;
  faults: FaultResult[];
  operations: {
    requests: number;
    byStatus: Record<string, number>;
    notOk: { answer: string; count: number }[];
    journeys: Accepted['journeys'];
    accepted: Record<string, number>;
  };
  events: Verdict['events'];
  emails: number;
  lost: number;
  duplicated: number;
  checks: Verdict['checks'];
}

const seconds = (ms: number | null) => (ms === null ? 'not recovered' : `${(ms / 1000).toFixed(1)} s`);

export function toMarkdown(report: ChaosReport): string {
  const lines = [
    '# Chaos run (`npm run chaos`)',
    '',
    `${report.startedAt}, ${report.durationS} s; ${report.infrastructure}.`,
    '',
    `**${report.ok ? 'All invariants held' : 'INVARIANTS FAILED'}**: lost = ${report.lost}, duplicated = ${report.duplicated}.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| faults injected | ${report.faults.length} |`,
    `| requests through the gateway | ${report.operations.requests} |`,
    `| answers by status | ${Object.entries(report.operations.byStatus)
      .map(([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`)
      .join(', ')} |`,
    `| journeys completed / started | ${report.operations.journeys.completed} / ${report.operations.journeys.started} |`,
    ...Object.entries(report.operations.accepted).map(([what, n]) => `| ${what} | ${n} |`),
    `| events committed (outbox rows) | ${report.events.committed} |`,
    `| deliveries checked (event × bound queue) | ${report.events.deliveriesChecked} |`,
    `| emails sent (SES emulator) | ${report.emails} |`,
    `| lost | ${report.lost} |`,
    `| duplicated | ${report.duplicated} |`,
    '',
    '## Faults and recovery',
    '',
    'Recovery: from the end of the fault (the kill itself, or the restart of the stopped server) until the flow it hit succeeded again through the gateway.',
    '',
    '| # | fault | held | recovery | flow checked | detail |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.faults.map(
      (fault, i) =>
        `| ${i + 1} | ${fault.fault} | ${seconds(fault.heldMs)} | ${seconds(fault.recoveryMs)} | ${fault.probe} | ${fault.detail ?? ''} |`,
    ),
    '',
    '## Answers other than 2xx/3xx',
    '',
    'Status 0: no answer (the gateway itself was down). 502/503/504: the platform said "not now" while a service or a dependency was down; 4xx: mostly a step asked before an event it depends on had arrived (retried).',
    '',
    '| answer | count |',
    '| --- | --- |',
    ...report.operations.notOk.map(({ answer, count }) => `| ${answer} | ${count} |`),
    '',
    '## Invariants',
    '',
    '| invariant | held | detail |',
    '| --- | --- | --- |',
    ...report.checks.map(
      (check) =>
        `| ${check.name} | ${check.ok ? 'yes' : '**no**'} | ${check.detail.replaceAll('|', '\\|')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function writeReport(report: ChaosReport, out: string) {
  mkdirSync(path.dirname(out), { recursive: true });
  const base = out.replace(/\.(md|json)$/, '');
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, toMarkdown(report));
  return { markdown: `${base}.md`, json: `${base}.json` };
}
