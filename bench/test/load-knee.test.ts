import { describe, expect, it } from 'vitest';
import { findKnee, soakConnections } from '../src/load/knee.js';

const ramp = (connections: number[], throughput: number[], p99: number[]) =>
  connections.map((c, i) => ({ connections: c, throughput: throughput[i]!, p99: p99[i]! }));

describe('findKnee', () => {
  it('is the last step before throughput stops growing (< 10 %) while p99 at least doubles', () => {
    const steps = ramp([1, 4, 16, 64, 128], [100, 380, 900, 950, 960], [5, 6, 10, 40, 90]);
    expect(findKnee(steps)).toMatchObject({ connections: 16 });
    expect(findKnee(steps).reason).toMatch(/16 → 64 connections: throughput \+5\.6 %, p99 × 4\.0/);
  });

  it('takes the steps in order of connections, whatever order they come in', () => {
    const steps = ramp([64, 1, 16, 4], [950, 100, 900, 380], [40, 5, 10, 6]);
    expect(findKnee(steps).connections).toBe(16);
  });

  it('finds no knee while throughput keeps growing, however much p99 grows', () => {
    const steps = ramp([1, 4, 16, 64], [100, 300, 600, 700], [5, 15, 60, 240]);
    expect(findKnee(steps)).toMatchObject({ connections: null });
    expect(findKnee(steps).reason).toMatch(/at or beyond 64 connections/);
  });

  it('finds no knee where throughput stalls but latency holds (under 2×)', () => {
    const steps = ramp([1, 4, 16], [100, 105, 108], [5, 8, 12]);
    expect(findKnee(steps).connections).toBeNull();
  });

  it("is no knee where throughput dips and the ramp later climbs 10 % above it (a shared machine's noise)", () => {
    // The stack's ramp of a run with the machine at load average 20.
    const noisy = ramp([1, 4, 16, 64, 128], [70, 76, 57, 85, 122], [130, 298, 1126, 3703, 4505]);
    expect(findKnee(noisy).connections).toBeNull();
    // The same ramp with the last two steps not above the first by 10 %: the knee is the first step.
    const flat = ramp([1, 4, 16, 64, 128], [70, 76, 57, 75, 74], [130, 298, 1126, 3703, 4505]);
    expect(findKnee(flat).connections).toBe(1);
  });

  it('counts a fall in throughput as no gain: a platform overloaded from the first step has its knee there', () => {
    const steps = ramp([1, 8], [29, 26], [268, 979]);
    expect(findKnee(steps).connections).toBe(1);
  });
});

describe('soakConnections', () => {
  it('soaks at the largest step below the knee', () => {
    expect(soakConnections([1, 4, 16, 64, 128], { connections: 64, reason: '' })).toBe(16);
  });

  it('soaks at half the knee when the knee is the first step, and never below 1', () => {
    expect(soakConnections([8, 16], { connections: 8, reason: '' })).toBe(4);
    expect(soakConnections([1, 4], { connections: 1, reason: '' })).toBe(1);
  });

  it('soaks at half the largest step when the ramp found no knee', () => {
    expect(soakConnections([1, 4, 16, 64, 128], { connections: null, reason: '' })).toBe(64);
  });
});
