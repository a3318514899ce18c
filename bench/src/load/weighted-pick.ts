/**
 * A picker of items in proportion to their weights, driven by `random` (a seeded generator, so that a
 * run's sequence of requests can be replayed). Weights need not sum to 1; zero weights are never picked.
 */
export function weightedPicker<T>(items: readonly { item: T; weight: number }[], random: () => number) {
  const positive = items.filter((entry) => entry.weight > 0);
  if (positive.length === 0) throw new Error('weightedPicker needs at least one positive weight');
  if (items.some((entry) => !Number.isFinite(entry.weight) || entry.weight < 0)) {
    throw new Error('weights must be finite and non-negative');
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const entry of positive) {
    total += entry.weight;
    cumulative.push(total);
  }
  return (): T => {
    const target = random() * total;
    // Binary search for the first cumulative weight above the target.
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return positive[low]!.item;
  };
}
