import { availableParallelism } from 'node:os';

/**
 * At most `size` pieces of work at once; the others wait their turn, first come first served.
 * `pending()` counts both (what tests wait on instead of sleeping).
 */
export function slots(size: number) {
  let busy = 0;
  const waiting: (() => void)[] = [];
  async function withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (busy >= size) await new Promise<void>((resolve) => waiting.push(resolve));
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
  return Object.assign(withSlot, { pending: () => busy + waiting.length });
}

const cores = Math.max(1, availableParallelism());

/**
 * One image decoded per core at a time: a decoded picture takes width × height × channels bytes (up
 * to MAX_PIXELS × 4), so fifty uploads at once must not all decode together.
 */
export const withProcessingSlot = slots(cores);

/**
 * Uploads read and held at once (a file is kept whole, up to 10 MiB, until it is stored): a few per
 * core keep the processing slots busy; the rest wait unread, their bodies held back by TCP, so memory
 * does not grow with the number of clients.
 */
export const withUploadSlot = slots(4 * cores);
