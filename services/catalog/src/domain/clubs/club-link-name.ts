import type { ClubRepository } from '../../data-access/club-repository.js';

const MAX_SLUG = 70;

/** Upstream's `slugify(name, max_length=70)`: lower-case ASCII words joined by hyphens. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  // A name of only symbols or another script ("合唱团") still needs a usable link.
  return slug || 'club';
}

/** The slug of `name`, made unique among `taken` (which it then joins): for many clubs at once. */
export function uniqueLinkNameAmong(name: string, taken: Set<string>): string {
  const base = slugify(name);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The slug of `name`, made unique against every current and former link name (upstream had no
 * uniqueness, so two clubs could share a page): `robotics`, then `robotics-2`, `robotics-3`, …
 * `ownNames` are names this club already holds, which it may take back.
 */
export async function uniqueLinkName(
  clubs: ClubRepository,
  name: string,
  ownNames: string[] = [],
): Promise<string> {
  const base = slugify(name);
  if (ownNames.includes(base) || !(await clubs.linkNameTaken(base))) return base;
  const taken = new Set(await clubs.linkNamesStartingWith(`${base}-`));
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (ownNames.includes(candidate) || !taken.has(candidate)) return candidate;
  }
}
