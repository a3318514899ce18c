import pg from 'pg';

/** What a listener hears on a PostgreSQL channel, and when it may have missed something. */
export interface ChannelListener {
  /** A notification, delivered after the transaction that sent it committed. */
  notified(payload: string): void;
  /** The connection is gone: notifications sent from now until `restored` are not heard. */
  lost(): void;
  /** Listening again, after `lost` (and once at first, when the first LISTEN succeeded). */
  restored(): void;
}

export interface ChannelSubscription {
  close(): Promise<void>;
}

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to queries and lose it), reconnected
 * with back-off when the server restarts or the connection drops. `lost`/`restored` let the listener
 * act on the gap, since notifications sent meanwhile are gone for good.
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  listener: ChannelListener,
  { retryMs = [100, 250, 500, 1_000, 2_000] }: { retryMs?: number[] } = {},
): Promise<ChannelSubscription> {
  let closed = false;
  let client: pg.Client | undefined;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: `listen:${channel}` });
    const dropped = () => {
      if (client !== next) return;
      client = undefined;
      next.end().catch(() => {});
      if (closed) return;
      listener.lost();
      schedule();
    };
    next.on('error', dropped);
    next.on('end', dropped);
    next.on('notification', (message) => {
      if (message.channel === channel) listener.notified(message.payload ?? '');
    });
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      if (client === next) client = undefined;
      next.end().catch(() => {});
      throw error;
    }
    attempt = 0;
    listener.restored();
  };
  const schedule = () => {
    const delay = retryMs[Math.min(attempt++, retryMs.length - 1)]!;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closed) connect().catch(schedule);
    }, delay);
    retry.unref();
  };

  try {
    await connect();
  } catch {
    // Not listening yet: the listener stays lost (as it starts) until a retry succeeds.
    listener.lost();
    schedule();
  }
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
