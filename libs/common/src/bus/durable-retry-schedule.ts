import type { PGlite } from '@electric-sql/pglite';

/**
 * When a queue next has a retry due: one timer per queue, set for the earliest retry it knows of, and
 * a look-up of the table for retries it may not know of.
 */
export class RetrySchedule {
  private timer?: NodeJS.Timeout;
  private timerAt = Number.POSITIVE_INFINITY;
  /**
   * Whether rows may wait out a retry delay that no timer of this process knows of (left by a previous
   * run, or by a read that failed): looked up once when the queue next runs dry.
   */
  private dueUnknown = true;

  constructor(
    private readonly client: PGlite,
    /** Whether the queue is taking messages: no timer is set otherwise. */
    private readonly active: () => boolean,
    private readonly onDue: () => void,
  ) {}

  forgetDue() {
    this.dueUnknown = true;
  }

  /** Rows waiting out a retry delay (maybe from before a restart) get a timer for when they are due. */
  async lookUpUnknownDue(queue: string) {
    if (!this.dueUnknown) return;
    this.dueUnknown = false;
    const { rows } = await this.client.query<{ due: string | number | null }>(
      'select min(available_at) as due from bus.messages where queue = $1 and dead_at is null',
      [queue],
    );
    const due = rows[0]?.due;
    if (due !== null && due !== undefined) this.wakeAt(Number(due));
  }

  wakeAt(at: number) {
    if (!this.active() || at >= this.timerAt) return;
    this.clear();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        // Later retries were left to this timer (one timer per queue): look them up once it has run dry.
        this.dueUnknown = true;
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
