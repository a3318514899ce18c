import { makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import pg from 'pg';

/**
 * What 8 producers' transactions alone reach (raw pg, no ORM, no relay, no consumer, no broker):
 * BEGIN, the state change, the outbox row, COMMIT, pipelined as ours are (BEGIN with the state change,
 * the outbox row with COMMIT: two round trips). No pipeline built on one durable commit per event
 * can beat this; the benchmark prints it so the ratios can be read against it.
 */
export async function producerCeiling(url: string, producers: number, count: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: producers, pipeline: true });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: producers }, async () => {
      while (next < count) {
        const i = next++;
        const event = makeEvent(
          UserRegisteredV1,
          { userId: `p${i}`, email: `p${i}@berkeley.edu`, role: 'student', name: null, club: null },
          'bench',
        );
        const client = await pool.connect();
        try {
          await Promise.all([
            client.query('begin'),
            client.query('insert into bench.orders (label) values ($1)', [`p${i}`]),
          ]);
          await Promise.all([
            client.query(
              'insert into bench.outbox (event_id, type, version, payload) values ($1, $2, $3, $4)',
              [event.id, event.type, event.version, JSON.stringify(event)],
            ),
            client.query('commit'),
          ]);
        } finally {
          client.release();
        }
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  await pool.end();
  return rate;
}
