import { api } from '../api.js';
import { ActionNotices } from '../components/notice.js';
import { Part } from '../components/part.js';
import { useAction } from '../use-action.js';
import { useLoad } from '../use-load.js';

interface BusHealth {
  connected: boolean;
  reason: string | null;
  queues: { queue: string; waiting: number; dead: number }[];
}

/** Each service's queue on the event bus: what waits, what died, and putting the dead back. */
export function BusPage() {
  const [health, reload] = useLoad(() => api<BusHealth>('/api/monitor/bus'));
  const action = useAction();

  const replay = (queue: string) =>
    void action.run(async () => {
      const { replayed } = await api<{ replayed: number }>(
        `/api/monitor/bus/${encodeURIComponent(queue)}/replay`,
        {
          method: 'POST',
        },
      );
      await reload();
      return `Put ${replayed} dead letter${replayed === 1 ? '' : 's'} back on ${queue}.`;
    });

  return (
    <>
      <h1>Event bus</h1>
      <p>
        <small>
          Each service reads its own queue. Dead letters are events its handlers gave up on; put them back
          once the cause is fixed (a service skips what it already applied).
        </small>
      </p>
      <ActionNotices action={action} />
      <div class="toolbar">
        <button type="button" class="secondary" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      <Part loaded={health}>
        {(value) => (
          <>
            <p role="status" aria-label="Bus connection">
              {value.connected ? <ins>Connected</ins> : <mark>Not connected: {value.reason}</mark>}
            </p>
            <div class="overflow-auto">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Dead letters</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {value.queues.map((queue) => (
                    <tr key={queue.queue}>
                      <th scope="row">{queue.queue}</th>
                      <td>{queue.waiting}</td>
                      <td>{queue.dead}</td>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="secondary outline"
                            aria-label={`Replay the dead letters of ${queue.queue}`}
                            disabled={queue.dead === 0 || action.busy}
                            onClick={() => replay(queue.queue)}
                          >
                            Replay
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Part>
    </>
  );
}
