// One step of load: autocannon at `connections` for `seconds`, each request drawn from the mix by
// setupRequest, each answer's latency recorded under its route. autocannon hands an answer to the
// request's onResponse (with the connection's context, which holds the request drawn for it) just
// before it emits 'response' with the latency, on the same tick: onResponse keeps the route, the
// 'response' listener records it with the latency.
import autocannon from 'autocannon';
import type { DataSet } from './data-set.js';
import { createMix, type createPairs, type MixRequest } from './mix.js';
import { StepRecorder, type StepSummary } from './recorder.js';

export async function runStep(
  url: string,
  data: DataSet,
  options: { connections: number; seconds: number; seed: number; pairs: ReturnType<typeof createPairs> },
  recorder = new StepRecorder(),
): Promise<StepSummary> {
  const next = createMix(data, options.seed, options.pairs);
  let answered: { request: MixRequest; status: number; body: string } | undefined;
  const started = performance.now();
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        setupRequest: (request, context) => {
          const drawn = next();
          context.request = drawn;
          return {
            ...request,
            method: drawn.method,
            path: drawn.path,
            headers: { ...request.headers, ...drawn.headers },
            body: drawn.body,
          };
        },
        onResponse: (status, body, context) => {
          answered = { request: context.request as MixRequest, status, body };
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (answered) recorder.record(answered.request.route, status, ms, answered.body);
    answered = undefined;
  });
  instance.on('reqError', (error) => recorder.transportError(error));
  await instance;
  return recorder.summary(options.connections, (performance.now() - started) / 1000);
}
