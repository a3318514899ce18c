import type { PGlite } from '@electric-sql/pglite';
import { routingKeyOf } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { Copy } from './durable-bus-tables.js';
import { topicMatches } from './event-bus.js';

/** Which queues receive which events: kept in bus.bindings and mirrored in memory for publishing. */
export class DurableBindings {
  /** queue → binding patterns, mirrored from bus.bindings. */
  private readonly patterns = new Map<string, string[]>();

  private constructor(private readonly client: PGlite) {}

  static async load(client: PGlite): Promise<DurableBindings> {
    const bindings = new DurableBindings(client);
    const { rows } = await client.query<{ queue: string; pattern: string }>(
      'select queue, pattern from bus.bindings',
    );
    for (const { queue, pattern } of rows)
      bindings.patterns.set(queue, [...(bindings.patterns.get(queue) ?? []), pattern]);
    return bindings;
  }

  async bind(queue: string, routingKeys: string[]): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query('delete from bus.bindings where queue = $1', [queue]);
      for (const pattern of routingKeys) {
        await tx.query('insert into bus.bindings (queue, pattern) values ($1, $2)', [queue, pattern]);
      }
    });
    this.patterns.set(queue, [...routingKeys]);
  }

  copiesOf(envelopes: EventEnvelope[]): Copy[] {
    const copies: Copy[] = [];
    for (const envelope of envelopes) {
      const k = routingKeyOf(envelope.type, envelope.version);
      for (const [q, patterns] of this.patterns) {
        if (patterns.some((pattern) => topicMatches(pattern, k))) copies.push({ q, k, b: envelope });
      }
    }
    return copies;
  }
}
