import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Migrations are expand/contract (docs/operations.md, "Independent deploys"): a migration runs while
 * replicas of the previous version still use the schema, so one that takes something away from them
 * must be a contract step of its own, named `NNNN_contract_<what>` (`npm run db:generate -- --name
 * contract_<what>`), shipped a release after the code stopped using what it removes.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Statements the previous version of a service's code may not survive. */
const breaking: [string, (statement: string) => boolean][] = [
  ['drops a column or table', (sql) => /\bDROP\s+(COLUMN|TABLE)\b/i.test(sql)],
  ['renames', (sql) => /\bRENAME\b/i.test(sql)],
  ['makes a column required', (sql) => /\bSET\s+NOT\s+NULL\b/i.test(sql)],
  ['changes a column type', (sql) => /\bALTER\s+COLUMN\s+"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i.test(sql)],
  [
    'adds a required column without a default',
    (sql) => /\bADD\s+COLUMN\b/i.test(sql) && /\bNOT\s+NULL\b/i.test(sql) && !/\bDEFAULT\b/i.test(sql),
  ],
];

/** What a migration does that the previous version may not survive, statement by statement. */
const offencesOf = (sql: string) => {
  // Comments may name what they do not do.
  const statements = sql.replace(/--[^\n]*/g, '').split(';');
  return breaking.filter(([, breaks]) => statements.some(breaks)).map(([what]) => what);
};

/** The last migration of each service written before the rule (every service was stopped to upgrade). */
const beforeTheRule: Record<string, number> = {
  auth: 4,
  catalog: 12,
  engagement: 4,
  mailer: 3,
  media: 2,
  monitor: 4,
  recommender: 3,
};

const migrations = readdirSync(path.join(root, 'services')).flatMap((service) => {
  const dir = path.join(root, 'services', service, 'drizzle');
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.sql'));
  } catch {
    return [];
  }
  return files.map((name) => ({ service, name, sql: readFileSync(path.join(dir, name), 'utf8') }));
});

describe('migrations', () => {
  it('take nothing away from the running version except in a contract step', () => {
    const offences = migrations.flatMap(({ service, name, sql }) => {
      if (Number.parseInt(name, 10) <= (beforeTheRule[service] ?? -1)) return [];
      if (/^\d+_contract_/.test(name)) return [];
      return offencesOf(sql).map((what) => `${service}/${name} ${what}`);
    });
    expect(offences).toEqual([]);
  });

  it('flag what the rule forbids in an expand step (catalog 0004 and 0005 would need a contract step)', () => {
    const catalog = (prefix: string) =>
      migrations.find((m) => m.service === 'catalog' && m.name.startsWith(prefix));
    expect(offencesOf(catalog('0005_')?.sql ?? '')).toContain('drops a column or table');
    expect(offencesOf(catalog('0008_')?.sql ?? '')).toEqual([]);
    expect(offencesOf(catalog('0010_')?.sql ?? '')).toEqual([]);
  });
});
