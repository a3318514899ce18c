import { describe, expect, it } from 'vitest';
import { parseCampusDateTime } from '../src/time/campus-time.js';

const LA = 'America/Los_Angeles';

describe('campus date-times', () => {
  it('keeps an explicit offset', () => {
    expect(parseCampusDateTime('2021-03-01T18:00:00Z', LA)).toBe('2021-03-01T18:00:00.000Z');
    expect(parseCampusDateTime('2021-03-01T10:00:00-08:00', LA)).toBe('2021-03-01T10:00:00.000-08:00');
  });

  it('reads values without an offset as campus wall-clock time, across daylight saving', () => {
    expect(parseCampusDateTime('2021-01-15T09:30:00', LA)).toBe('2021-01-15T09:30:00.000-08:00');
    expect(parseCampusDateTime('2021-07-15T09:30:00', LA)).toBe('2021-07-15T09:30:00.000-07:00');
  });

  it("accepts the web client's event-form format", () => {
    expect(parseCampusDateTime('2021-10-20 18:45', LA)).toBe('2021-10-20T18:45:00.000-07:00');
    expect(parseCampusDateTime('2021-10-20 18:45', 'America/New_York')).toBe('2021-10-20T18:45:00.000-04:00');
  });

  it.each([
    '',
    'tomorrow',
    '2021-13-01',
    '2021-02-30T10:00',
    '99999-01-01',
    "'; drop table",
    '2021-10-20 25:00',
  ])('refuses %j', (value) => {
    expect(parseCampusDateTime(value, LA)).toBeUndefined();
  });
});
