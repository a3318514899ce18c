import { availableParallelism } from 'node:os';

/**
 * At most one image decoded per core at a time: a decoded picture takes width × height × channels
 * bytes (up to MAX_PIXELS × 4), so fifty uploads at once must queue here, not all decode together.
 */
const slots = Math.max(1, availableParallelism());
let busy = 0;
const waiting: (() => void)[] = [];

export async function withProcessingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // The slot passes straight to the next in line (busy stays the same), or is freed.
    if (next) next();
    else busy -= 1;
  }
}
