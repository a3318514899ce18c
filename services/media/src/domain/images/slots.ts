import { availableParallelism } from 'node:os';

/**
 * Work sharing a capacity: each piece takes `weight` of it (1 unless said) and waits its turn while
 * it does not fit, first come first served (a heavy piece at the head of the line is not overtaken).
 * `pending()` counts pieces running and waiting (what tests wait on instead of sleeping).
 */
export function slots(capacity: number) {
  let used = 0;
  let running = 0;
  const waiting: { weight: number; start: () => void }[] = [];
  async function withSlot<T>(work: () => Promise<T>, weight = 1): Promise<T> {
    // Never more than the whole: a piece heavier than the capacity runs alone.
    const share = Math.min(weight, capacity);
    if (waiting.length > 0 || used + share > capacity) {
      await new Promise<void>((start) => waiting.push({ weight: share, start }));
    } else used += share;
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      used -= share;
      while (waiting.length > 0 && used + waiting[0]!.weight <= capacity) {
        const next = waiting.shift()!;
        used += next.weight;
        next.start();
      }
    }
  }
  return Object.assign(withSlot, { pending: () => running + waiting.length });
}

const cores = Math.max(1, availableParallelism());

/**
 * One image decoded per core at a time: a decoded picture takes width × height × channels bytes (up
 * to MAX_PIXELS × 4), so fifty uploads at once must not all decode together.
 */
export const withProcessingSlot = slots(cores);

/**
 * Upload bodies read and held at once (a file is kept whole until it is stored), weighed at their
 * route's limit: 6 MiB per core holds three 2 MiB logos per core (one decoding, the others being read
 * or stored), or on two cores a 10 MiB banner and a logo. The others wait unread, their bodies held
 * back by TCP, so memory does not grow with the number of clients, nor with their files' sizes. In
 * bench:media, 8 MiB per core gave no more uploads/s and 20-30 MB more peak RSS.
 */
export const withUploadSlot = slots(6 * 1024 * 1024 * cores);
