import { describe, expect, it } from 'vitest';
import type { ClubEvent } from '../src/data-access/club-event-repository.js';
import { clubEventsFeed, escapeText, foldLine } from '../src/domain/events/ical-feed.js';

const event = (overrides: Partial<ClubEvent>): ClubEvent => ({
  id: '6f1c3a8e-9a43-4a43-9d59-2b1f5c0f4a10',
  seq: 1,
  clubId: 'c',
  kind: 'event',
  name: 'Meeting',
  description: '',
  link: null,
  links: [],
  virtualLink: null,
  location: '',
  tags: [],
  inviteOnly: false,
  eventStart: new Date('2026-03-01T18:00:00Z'),
  eventEnd: new Date('2026-03-01T19:30:00Z'),
  ...overrides,
});

describe('iCalendar feed (RFC 5545)', () => {
  it('escapes TEXT values: backslash, semicolon, comma, newlines; drops control characters', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\u0007g')).toBe('a\\\\b\\;c\\,d\\ne\\nfg');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('writes UTC times, CRLF line ends, and skips an end that is not after the start', () => {
    const feed = clubEventsFeed(
      { name: 'Cal, Bots; & Co' },
      [
        event({ description: 'Line one\nLine two', location: 'Cory 521, Berkeley' }),
        event({ id: 'f7b1d7f2-2a6b-4c55-8f9e-56d7a41cbb2e', eventEnd: new Date('2026-03-01T18:00:00Z') }),
      ],
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(feed.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(feed).toContain('X-WR-CALNAME:Cal\\, Bots\\; & Co\r\n');
    expect(feed).toContain(
      'DTSTAMP:20260201T000000Z\r\nDTSTART:20260301T180000Z\r\nDTEND:20260301T193000Z\r\n',
    );
    expect(feed).toContain('DESCRIPTION:Line one\\nLine two\r\n');
    expect(feed).toContain('LOCATION:Cory 521\\, Berkeley\r\n');
    expect(feed.match(/DTEND:/g)).toHaveLength(1);
    expect(feed).toContain('UID:f7b1d7f2-2a6b-4c55-8f9e-56d7a41cbb2e@sproul.club\r\n');
  });

  it('lists cancelled events with STATUS:CANCELLED and a higher SEQUENCE, live ones without either', () => {
    const feed = clubEventsFeed({ name: 'Club' }, [event({})], new Date('2026-02-01T00:00:00Z'), [
      {
        id: 'f7b1d7f2-2a6b-4c55-8f9e-56d7a41cbb2e',
        clubId: 'c',
        kind: 'recruiting',
        name: 'Gone',
        description: '',
        location: 'Cory',
        url: 'https://example.org/x',
        inviteOnly: false,
        eventStart: new Date('2026-03-02T18:00:00Z'),
        eventEnd: new Date('2026-03-02T19:00:00Z'),
        cancelledAt: new Date('2026-01-31T00:00:00Z'),
      },
    ]);
    const [live, gone] = feed.split('BEGIN:VEVENT').slice(1) as [string, string];
    expect(live).not.toMatch(/STATUS|SEQUENCE/);
    expect(gone).toContain('UID:f7b1d7f2-2a6b-4c55-8f9e-56d7a41cbb2e@sproul.club\r\n');
    expect(gone).toContain(
      'URL:https://example.org/x\r\nCATEGORIES:Recruiting\r\nSTATUS:CANCELLED\r\nSEQUENCE:1\r\n',
    );
  });
});
