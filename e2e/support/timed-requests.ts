import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface TimedRequest {
  url: string;
  body: unknown;
}

export interface TimedAnswer {
  ms: number;
  status: number;
  body: string;
}

// Runs in a worker thread: sends each POST it is given and times it to the answer's last byte.
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, body }) => {
  try {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    parentPort.postMessage({ ms: performance.now() - started, status: res.status, body: text });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

/**
 * Until this thread's event loop has been mostly idle for a window of 25 ms (at most `maxMs`): the
 * embedded platform's work left from the last request (an email sent after answering, consumers of the
 * events it published) is done.
 */
async function quiet(maxMs = 3_000) {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (performance.eventLoopUtilization(before).utilization < 0.2) return;
  }
}

/**
 * Sends `requests` one after the other from a worker thread and answers each one's time, each sent once
 * the platform is quiet. The embedded platform runs in the test's own thread: timed from here, the clock
 * would count whatever it does after answering, and work one request leaves would slow the next (a new
 * account's consumers after an unknown email's registration), which no single answer shows a client.
 */
export async function timedRequests(requests: TimedRequest[]): Promise<TimedAnswer[]> {
  const worker = new Worker(WORKER, { eval: true });
  const answers: TimedAnswer[] = [];
  try {
    for (const request of requests) {
      await quiet();
      const answer = await new Promise<TimedAnswer | { error: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(request);
      });
      if ('error' in answer) throw new Error(answer.error);
      answers.push(answer);
    }
  } finally {
    await worker.terminate();
  }
  return answers;
}
