import type { PGlite } from '@electric-sql/pglite';

/** One timer per queue, set for the earliest retry it knows of; later ones wait for it to fire. */
export class RetryTimer {
  private timer?: NodeJS.Timeout;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(private readonly onDue: () => void) {}

  wakeAt(at: number) {
    if (at >= this.timerAt) return;
    this.clear();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.onDue();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref?.();
  }

  clear() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}

/** When the queue's earliest waiting retry is due, if any (maybe left from before a restart). */
export async function nextRetryDue(client: PGlite, queue: string): Promise<number | undefined> {
  const { rows } = await client.query<{ due: string | number | null }>(
    'select min(available_at) as due from bus.messages where queue = $1 and dead_at is null',
    [queue],
  );
  const due = rows[0]?.due;
  return due !== null && due !== undefined ? Number(due) : undefined;
}
