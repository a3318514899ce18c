// The ceiling's upstream in `npm run bench:catalog`: answers each recorded path with the bytes the real
// catalog answered for it (status, content type, body), from memory, so that what the gateway in front of
// it achieves is the most a catalog answering from memory could achieve through the gateway. Its own
// process, so that it shares no event loop with the benchmark reading wrk's output.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

type Recorded = { status: number; contentType: string; body: string };
const recorded = JSON.parse(readFileSync(process.env.ANSWERS_FILE!, 'utf8')) as Record<string, Recorded>;
const answers = new Map(
  Object.entries(recorded).map(([path, answer]) => [
    path,
    { ...answer, body: Buffer.from(answer.body, 'base64') },
  ]),
);
const missing = Buffer.from(JSON.stringify({ status: 'error', reason: 'Not recorded', data: null }));

createServer((req, res) => {
  const answer = answers.get(req.url ?? '');
  if (req.url === '/readyz' || req.url === '/healthz') {
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"ok","service":"catalog"}');
    return;
  }
  res.statusCode = answer?.status ?? 404;
  res.setHeader('content-type', answer?.contentType ?? 'application/json');
  res.end(answer?.body ?? missing);
}).listen(Number(process.env.PORT), '127.0.0.1');
