import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/processes.js';

// docs/compatibility.md maps every bug and weakness of the upstream spec's section 6 to the tests that
// prove we do not have it. This keeps that table true: each item of the spec has a row, and each test
// a row names exists, under that title, in that file.

const HEADING = '## Upstream bugs and weaknesses (§6) → regression tests';
const SPEC = 'shared/spec/sproul-server-upstream.md';

/**
 * How many items each part of §6 has (6.1 numbered, 6.2 and 6.3 bullets), as the spec says today: the
 * check when the spec is not beside the repository (a fresh clone), and compared with the spec when it is.
 */
const ITEMS: Record<string, number> = { '6.1': 19, '6.2': 9, '6.3': 10 };

interface Row {
  item: string;
  upstream: string;
  ours: string;
  test: string;
}

function tableRows(markdown: string): Row[] {
  const start = markdown.indexOf(`\n${HEADING}\n`);
  expect(start, `docs/compatibility.md has a "${HEADING}" section`).toBeGreaterThanOrEqual(0);
  const section = markdown.slice(start + HEADING.length + 2).split(/\n## /)[0]!;
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  expect(lines[0]).toMatch(/^\| § item \| upstream \| ours \| test \|$/);
  return lines.slice(2).map((line) => {
    const cells = line.slice(1, -1).split(' | ');
    expect(cells, line).toHaveLength(4);
    const [item, upstream, ours, test] = cells.map((cell) => cell.trim()) as [string, string, string, string];
    return { item, upstream, ours, test };
  });
}

/** The spec beside the repository (`../shared/spec` of a checkout or worktree), if any. */
function findSpec(): string | undefined {
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SPEC);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The items of §6: 6.1's numbers, and 6.2's and 6.3's bullets counted in order. */
function specItems(spec: string): Record<string, number> {
  const section = spec.split(/\n## 6\. /)[1]!.split(/\n## /)[0]!;
  const counts: Record<string, number> = {};
  for (const part of section.split(/\n### /).slice(1)) {
    const name = part.slice(0, 3);
    const lines = part.split('\n');
    counts[name] =
      name === '6.1'
        ? Math.max(...lines.map((line) => Number(/^(\d+)\. /.exec(line)?.[1] ?? 0)))
        : lines.filter((line) => line.startsWith('- ')).length;
  }
  return counts;
}

/** `` `file` › `title` `` references of a test cell. */
const references = (cell: string) =>
  [...cell.matchAll(/`([^`]+\.test\.ts)` › `([^`]+)`/g)].map(([, file, title]) => ({
    file: file!,
    title: title!,
  }));

describe('docs/compatibility.md: upstream §6 → regression tests', () => {
  const rows = tableRows(readFileSync(path.join(repoRoot, 'docs/compatibility.md'), 'utf8'));

  it('has a row for every item of §6 in the spec', () => {
    const spec = findSpec();
    const expected = spec ? specItems(readFileSync(spec, 'utf8')) : ITEMS;
    // A changed spec changes ITEMS too (the count a fresh clone checks).
    expect(expected).toEqual(ITEMS);
    const items = new Set(rows.map((row) => row.item));
    for (const [part, count] of Object.entries(expected)) {
      for (let n = 1; n <= count; n++) expect(items, `§${part} #${n}`).toContain(`§${part} #${n}`);
    }
    for (const row of rows) {
      const [, part, n] = /^§(6\.[123]) #(\d+)$/.exec(row.item) ?? [];
      expect(part && Number(n) >= 1 && Number(n) <= expected[part]!, `${row.item} is an item of §6`).toBe(
        true,
      );
    }
  });

  it('says for every row what upstream did and what we do, and names a test or why none applies', () => {
    for (const row of rows) {
      expect(row.upstream.length, row.item).toBeGreaterThan(4);
      expect(row.ours.length, row.item).toBeGreaterThan(4);
      // A comment that names no bug may have no test: the cell then says why.
      if (/^not applicable: \S.{10,}/.test(row.test)) continue;
      const named = references(row.test);
      expect(named.length, `${row.item}: a test, or "not applicable: why"`).toBeGreaterThan(0);
      // The cell is its references and nothing else, so a reference with a typo cannot hide among them.
      expect(row.test.split('<br>').length, `${row.item}: ${row.test}`).toBe(named.length);
    }
  });

  it('names only tests that exist, under that title, in that file', () => {
    const missing: string[] = [];
    for (const row of rows) {
      for (const { file, title } of references(row.test)) {
        const source = path.join(repoRoot, file);
        const text = existsSync(source) ? readFileSync(source, 'utf8') : '';
        const quoted = ["'", '"', '`'].some((quote) => text.includes(`${quote}${title}${quote}`));
        if (!quoted) missing.push(`${row.item}: ${file} › ${title}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
