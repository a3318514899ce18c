import { setImmediate as turnOfTheLoop } from 'node:timers/promises';
import { type ExecProtocolOptions, PGlite, type PGliteOptions } from '@electric-sql/pglite';

/** At most this long of statements back to back before the event loop gets a turn. */
const TURN_EVERY_MS = 5;

/**
 * PGlite that lets the event loop turn between statements. PGlite runs statements on this thread and
 * answers on the promise queue, so a chain of queries (a backlog of events, a first start's seed and
 * replays) never returned to the event loop: HTTP requests, timers and finished password hashes waited
 * for seconds (4.3 s without a timer firing during `npm start`'s first start). A turn before every
 * statement cost a first start about a second: one every TURN_EVERY_MS keeps the waits that short.
 */
export class YieldingPGlite extends PGlite {
  private lastTurn = performance.now();

  static async open(options: PGliteOptions): Promise<YieldingPGlite> {
    const client = new YieldingPGlite(options);
    await client.waitReady;
    return client;
  }

  override async execProtocolRaw(message: Uint8Array, options?: ExecProtocolOptions): Promise<Uint8Array> {
    if (performance.now() - this.lastTurn >= TURN_EVERY_MS) {
      await turnOfTheLoop();
      this.lastTurn = performance.now();
    }
    return super.execProtocolRaw(message, options);
  }
}
