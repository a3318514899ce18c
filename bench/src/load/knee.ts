/** One step of the concurrency ramp as the knee sees it. */
export interface StepFigures {
  connections: number;
  /** Successful answers per second. */
  throughput: number;
  /** Overall p99 latency, milliseconds. */
  p99: number;
}

export interface Knee {
  /** The last concurrency that paid off; null when every step paid off (no knee within the ramp). */
  connections: number | null;
  /** Why, in a sentence for the report. */
  reason: string;
}

/**
 * The knee of a concurrency ramp: the concurrency beyond which more connections stop buying throughput
 * and only buy latency. A step is the knee when going to the next one grows throughput by less than
 * `minGain` (10 %) while p99 grows by `latencyFactor` (2×) or more, and no later step gets `minGain`
 * more throughput than it either: on a machine shared with other work one step can come out low by
 * chance (and more connections win the platform a larger share of a busy machine), so a dip that the
 * ramp later climbs out of is no knee. Steps are taken in order of connections.
 */
export function findKnee(steps: readonly StepFigures[], minGain = 0.1, latencyFactor = 2): Knee {
  const ordered = [...steps].sort((a, b) => a.connections - b.connections);
  for (let i = 1; i < ordered.length; i++) {
    const before = ordered[i - 1]!;
    const after = ordered[i]!;
    const gain = after.throughput / before.throughput - 1;
    const slower = after.p99 / before.p99;
    const outgrown = ordered.slice(i).some((later) => later.throughput >= before.throughput * (1 + minGain));
    if (gain < minGain && slower >= latencyFactor && !outgrown) {
      return {
        connections: before.connections,
        reason: `${before.connections} → ${after.connections} connections: throughput ${signed(gain * 100)} %, p99 × ${slower.toFixed(1)}`,
      };
    }
  }
  return {
    connections: null,
    reason: `throughput grew by ${minGain * 100} % or more beyond every step where p99 grew × ${latencyFactor} or more without it: the knee is at or beyond ${ordered.at(-1)?.connections ?? 0} connections`,
  };
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;

/**
 * The soak's concurrency: the largest step below the knee (moderate load the platform can hold), or
 * half the largest step when the ramp found no knee, and never below 1.
 */
export function soakConnections(steps: readonly number[], knee: Knee): number {
  const ordered = [...steps].sort((a, b) => a - b);
  if (knee.connections === null) return Math.max(1, Math.floor((ordered.at(-1) ?? 2) / 2));
  const below = ordered.filter((connections) => connections < knee.connections!);
  return below.at(-1) ?? Math.max(1, Math.floor(knee.connections / 2));
}
