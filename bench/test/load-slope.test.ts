import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/load/random.js';
import { leastSquares, trend } from '../src/load/slope.js';

const every10s = (minutes: number, value: (t: number) => number) =>
  Array.from({ length: (minutes * 60) / 10 + 1 }, (_, i) => ({ t: i * 10, value: value(i * 10) }));

describe('leastSquares', () => {
  it('recovers the line through exact samples', () => {
    const { slope, intercept } = leastSquares(every10s(5, (t) => 200 + 0.5 * t));
    expect(slope).toBeCloseTo(0.5, 10);
    expect(intercept).toBeCloseTo(200, 8);
  });

  it('has slope 0 for one sample or constant time', () => {
    expect(leastSquares([{ t: 3, value: 7 }])).toEqual({ slope: 0, intercept: 7 });
    expect(leastSquares([]).slope).toBe(0);
  });
});

describe('trend', () => {
  it('reports the slope per hour and the drift over the soak', () => {
    // 2 MB per minute for 30 minutes: 120 MB/h, 60 MB over the soak.
    const leaking = trend(
      every10s(30, (t) => 150 + (2 * t) / 60),
      { relative: 0.1, absolute: 8 },
    );
    expect(leaking.perHour).toBeCloseTo(120, 6);
    expect(leaking.drift).toBeCloseTo(60, 6);
    expect(leaking.flat).toBe(false);
  });

  it('calls noisy memory around a steady mean flat, and a slow real leak not flat', () => {
    const random = seededRandom(9);
    const noisy = trend(
      every10s(30, () => 180 + (random() - 0.5) * 20),
      { relative: 0.1, absolute: 8 },
    );
    expect(noisy.flat).toBe(true);
    expect(Math.abs(noisy.perHour)).toBeLessThan(16);
    const slowLeak = trend(
      every10s(30, (t) => 180 + t / 60 + (random() - 0.5) * 20),
      { relative: 0.1, absolute: 8 },
    );
    expect(slowLeak.perHour).toBeGreaterThan(40);
    expect(slowLeak.flat).toBe(false);
  });

  it('holds a series of zeros (empty queues) flat against an absolute tolerance', () => {
    expect(
      trend(
        every10s(30, () => 0),
        { relative: 0, absolute: 10 },
      ),
    ).toMatchObject({ flat: true, perHour: 0 });
    expect(
      trend(
        every10s(30, (t) => t / 60),
        { relative: 0, absolute: 10 },
      ).flat,
    ).toBe(false);
  });

  it('judges throughput by its fall only: warming up is not a fault, slowing down is', () => {
    const throughput = { relative: 0.2, absolute: 0, worse: 'down' } as const;
    // 150 → 200 req/s over the soak, then 200 → 140.
    expect(
      trend(
        every10s(30, (t) => 150 + (50 * t) / 1800),
        throughput,
      ).flat,
    ).toBe(true);
    expect(
      trend(
        every10s(30, (t) => 200 - (60 * t) / 1800),
        throughput,
      ).flat,
    ).toBe(false);
    // The same rise is a drift for memory, judged both ways.
    expect(
      trend(
        every10s(30, (t) => 150 + (50 * t) / 1800),
        { relative: 0.2, absolute: 0 },
      ).flat,
    ).toBe(false);
  });
});
