/** How a known email's answer times compare with an unknown one's (see `compareTimings`). */
export interface TimingComparison {
  /** The median of the paired differences known − unknown, in ms. */
  shiftMs: number;
  /** The interquartile range of the paired differences, in ms: the noise a pair's two halves do not share. */
  spreadMs: number;
  /** Whether the shift stands out of the noise: larger than the spread (or the floor), or than the bound. */
  leaks: boolean;
}

const quantile = (sorted: number[], q: number) => {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
};
const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const iqr = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return quantile(sorted, 0.75) - quantile(sorted, 0.25);
};

/**
 * Whether answer times tell a known email from an unknown one. `known[i]` and `unknown[i]` must be
 * measured back to back (interleaved), so that a burst of load on a shared machine slows both halves of
 * a pair: the shift is the median of the pairs' differences (robust to the bursts that remain), and it
 * is judged against their spread (the differences' IQR: the noise the halves do not share, which a real
 * shift does not widen, unlike the pooled samples'), with a floor of `floorMs` under which nobody can
 * tell over a network, and an absolute `boundMs` that no noise excuses. Skipping a password hash for unknown emails (tens of ms) or
 * sending mail inside the request (a round trip to SES) stand out; a loaded machine's jitter does not.
 */
export function compareTimings(
  known: number[],
  unknown: number[],
  { floorMs = 2, boundMs = 20 }: { floorMs?: number; boundMs?: number } = {},
): TimingComparison {
  if (known.length !== unknown.length || known.length < 20) {
    throw new Error('compareTimings needs at least 20 interleaved pairs');
  }
  const differences = known.map((k, i) => k - unknown[i]!);
  const shiftMs = median(differences);
  const spreadMs = iqr(differences);
  const leaks = Math.abs(shiftMs) > Math.max(spreadMs, floorMs) || Math.abs(shiftMs) > boundMs;
  return { shiftMs, spreadMs, leaks };
}

/**
 * `tries` requests in pairs of one known and one unknown, which goes first drawn (seeded) pair by pair.
 * Work a request leaves behind (an email sent after answering) slows the requests that follow it; a fixed
 * order would always put the same kind in its way (known, unknown, unknown, known: the second request
 * after each known one is an unknown one), a random order puts either kind there alike.
 */
export function interleaved(tries: number, seed = 24): ('known' | 'unknown')[] {
  let state = seed;
  const coin = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 16) & 1;
  };
  return Array.from({ length: tries / 2 }, () => coin()).flatMap((first) =>
    first ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const),
  );
}
