import { describe, expect, it } from 'vitest';
import { campusDateTimeOrNull, parseCampusDateTime } from '../src/time/campus-time.js';

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
    '2021-10-20T10:00:00+24:00',
    '2021-10-20T10:00:00+99:99',
    '2021-10-20T10:00:00-23:59',
    '2021-10-20T10:00:00+15:00',
    '2021-10-20T10:00:00+05:75',
    '2021-10-20T10:00:00+0575',
  ])('refuses %j', (value) => {
    expect(parseCampusDateTime(value, LA)).toBeUndefined();
  });

  it('keeps every offset clocks use, and dates whose day-of-month looks like one', () => {
    expect(parseCampusDateTime('2021-10-20T10:00:00+14:00', LA)).toBe('2021-10-20T10:00:00.000+14:00');
    expect(parseCampusDateTime('2021-10-20T10:00:00-12:00', LA)).toBe('2021-10-20T10:00:00.000-12:00');
    expect(parseCampusDateTime('2021-10-20T10:00:00+0545', LA)).toBe('2021-10-20T10:00:00.000+05:45');
    expect(parseCampusDateTime('2021-10-20', LA)).toBe('2021-10-20T00:00:00.000-07:00');
  });

  it('reads the strings "null" and "" as no date, as upstream stored them', () => {
    const schema = campusDateTimeOrNull(LA);
    expect(schema.parse('null')).toBeNull();
    expect(schema.parse('')).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse('2021-10-20 18:45')).toBe('2021-10-20T18:45:00.000-07:00');
    expect(schema.safeParse('nil').success).toBe(false);
    expect(schema.safeParse(undefined).success).toBe(false);
  });
});
