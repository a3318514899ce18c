import { readFileSync } from 'node:fs';
import { parseCampusDateTime } from '@sproul/common/time';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NUM_USER_TAGS, DEFAULT_TAGS } from '../src/domain/tags/default-tags.js';
import { type DemoClub, demoClubSchema, demoClubsSchema } from '../src/seed/demo-clubs.schema.js';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../src/seed/demo-clubs.json', import.meta.url), 'utf8'),
);
const clubs: DemoClub[] = demoClubsSchema.parse(raw);

// link_name is derived from the name; both a plain ASCII slug and one that first drops accents
// ("Español" → "espanol") must stay unique, whichever the loader uses.
const asciiSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const transliteratedSlug = (name: string) => asciiSlug(name.normalize('NFKD').replace(/\p{M}/gu, ''));

const countBy = <T>(values: T[]) => {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};
const duplicates = (values: string[]) => [...countBy(values)].filter(([, n]) => n > 1).map(([v]) => v);

const isOpenOnLoadDay = (range: DemoClub['recruiting']) =>
  range !== null && range.start_offset_days <= 0 && range.end_offset_days >= 0;

describe('demo club data set', () => {
  it('has at least 200 clubs that all satisfy the loader contract', () => {
    expect(clubs.length).toBeGreaterThanOrEqual(200);
  });

  it('gives every club a distinct name and a distinct, non-empty link_name slug', () => {
    const names = clubs.map((club) => club.name);
    expect(duplicates(names.map((name) => name.toLowerCase()))).toEqual([]);
    for (const slug of [asciiSlug, transliteratedSlug]) {
      const slugs = names.map(slug);
      expect(slugs.filter((value) => value.length === 0)).toEqual([]);
      expect(duplicates(slugs)).toEqual([]);
    }
  });

  it('gives every club its own contact email, since officer accounts and the monitor delete route key on it', () => {
    const emails = clubs.map((club) => club.social_media_links.contact_email.toLowerCase());
    expect(duplicates(emails)).toEqual([]);
  });

  it('uses only default tag and size names, spread over every tag and every size', () => {
    const tagCounts = countBy(clubs.flatMap((club) => club.tags));
    for (const tag of tagCounts.keys()) expect(DEFAULT_TAGS).toContain(tag);
    for (const tag of DEFAULT_TAGS) expect(tagCounts.get(tag) ?? 0, tag).toBeGreaterThanOrEqual(3);

    const sizeCounts = countBy(clubs.map((club) => club.num_users));
    for (const size of sizeCounts.keys()) expect(DEFAULT_NUM_USER_TAGS).toContain(size);
    for (const size of DEFAULT_NUM_USER_TAGS)
      expect(sizeCounts.get(size) ?? 0, size).toBeGreaterThanOrEqual(3);
  });

  it('has clubs recruiting on the load day, clubs recruiting later, and clubs whose window closed', () => {
    const recruiting = clubs.map((club) => club.recruiting).filter((range) => range !== null);
    expect(recruiting.filter(isOpenOnLoadDay).length).toBeGreaterThanOrEqual(20);
    expect(recruiting.filter((range) => range.start_offset_days > 0).length).toBeGreaterThanOrEqual(3);
    expect(recruiting.filter((range) => range.end_offset_days < 0).length).toBeGreaterThanOrEqual(3);
    // Application deadlines open now too, so "recruiting now" clubs with an application are findable.
    const openApplications = clubs.filter((club) => isOpenOnLoadDay(club.application_deadline));
    expect(openApplications.length).toBeGreaterThanOrEqual(10);
  });

  it('has events that start at their stated campus time and end after they start, even across DST', () => {
    const zone = 'America/Los_Angeles';
    // Load days whose event windows (−30..+60 days) span the spring and autumn clock changes.
    for (const loadDay of ['2026-03-01', '2026-10-20']) {
      const [year, month, day] = loadDay.split('-').map(Number) as [number, number, number];
      for (const club of clubs) {
        for (const event of [...club.events, ...club.recruiting_events]) {
          const date = new Date(Date.UTC(year, month - 1, day + event.start_offset_days));
          const start = parseCampusDateTime(`${date.toISOString().slice(0, 10)} ${event.start_time}`, zone);
          expect(start, `${club.name}: ${event.name}`).toBeDefined();
          // A wall-clock time skipped by the spring clock change would be moved; none may be.
          expect(start!.slice(11, 16), `${club.name}: ${event.name}`).toBe(event.start_time);
          const end = Date.parse(start!) + event.duration_minutes * 60_000;
          expect(end).toBeGreaterThan(Date.parse(start!));
        }
      }
    }
  });

  it('has no club with the same FAQ question twice, and a varied amount of detail', () => {
    for (const club of clubs)
      expect(duplicates(club.faq.map((entry) => entry.question)), club.name).toEqual([]);
    expect(clubs.filter((club) => club.events.length > 0).length).toBeGreaterThanOrEqual(60);
    expect(clubs.filter((club) => club.faq.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(clubs.filter((club) => club.events.length === 0 && club.faq.length === 0).length).toBeGreaterThan(
      0,
    );
  });

  it('fits the officer edit limits, so an officer of a demo club can save its page unchanged', () => {
    // The officer API is stricter than the club model (upstream §2.3): about_us 750, get_involved 500,
    // event description 500.
    for (const club of clubs) {
      expect(club.about_us.length, club.name).toBeLessThanOrEqual(750);
      expect(club.get_involved.length, club.name).toBeLessThanOrEqual(500);
      for (const event of club.events) expect(event.description.length, event.name).toBeLessThanOrEqual(500);
    }
  });

  it('includes names with accents and non-ASCII letters, as real campuses have', () => {
    expect(clubs.filter((club) => /[^\u0020-\u007e]/.test(club.name)).length).toBeGreaterThanOrEqual(4);
  });
});

describe('demo club schema', () => {
  const valid = clubs.find((club) => club.app_required && club.events.length > 0)!;

  it('accepts a club from the data set', () => {
    expect(demoClubSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['an unknown tag', { tags: ['Underwater Basket Weaving'] }],
    ['four tags', { tags: DEFAULT_TAGS.slice(0, 4) }],
    ['an unknown size', { num_users: '1-100' }],
    ['a name over 70 characters', { name: 'x'.repeat(71) }],
    ['a javascript: apply link', { apply_link: 'javascript:alert(1)' }],
    [
      'a plain http website',
      { social_media_links: { ...valid.social_media_links, website: 'http://x.org' } },
    ],
    [
      'a recruiting window that ends before it starts',
      { recruiting: { start_offset_days: 5, end_offset_days: 1 } },
    ],
    ['a deadline on a club without application', { app_required: false }],
    [
      'a repeated FAQ question',
      {
        faq: [
          { question: 'Q?', answer: 'A.' },
          { question: 'Q?', answer: 'B.' },
        ],
      },
    ],
    ['an event at 25:00', { events: [{ ...valid.events[0]!, start_time: '25:00' }] }],
    ['an event that lasts no time', { events: [{ ...valid.events[0]!, duration_minutes: 0 }] }],
    ['an unexpected field', { logo_url: 'https://example.org/logo.png' }],
  ])('rejects %s', (_label, change) => {
    const candidate = {
      ...valid,
      application_deadline: { start_offset_days: 0, end_offset_days: 3 },
      ...change,
    };
    expect(demoClubSchema.safeParse(candidate).success).toBe(false);
  });
});
