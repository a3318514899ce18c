// Tracing's cost in the gateway as CPU time per proxied request (`npm run bench:gateway:tracing`):
// user + system time of a one-process gateway over the requests wrk completed, which a loaded machine
// disturbs far less than req/s. Ours with tracing off, ours tracing every request (OTLP/HTTP to a local
// sink), and, with BENCH_BASELINE=<another checkout's services/gateway/dist/start.js>, that build: in
// interleaved rounds, each in a shuffled order. Needs wrk.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';
import { fmt, median } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const children: ChildProcess[] = [];
const launch = (script: string, env: Record<string, string>) => {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(child);
  return child;
};

// Linux's clock ticks (100 a second) of user and system time, in ms.
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const load = (url: string, duration: number) => {
  const out = execFileSync('/usr/bin/wrk', ['-t1', '-c16', `-d${duration}s`, url], { encoding: 'utf8' });
  if (/Non-2xx/.test(out)) throw new Error(`${url}: error answers\n${out}`);
  return Number(/(\d+) requests in/.exec(out)![1]);
};

const [upstreamPort, sinkPort] = await Promise.all([freePort(), freePort()]);
const upstream = `http://127.0.0.1:${upstreamPort}`;
try {
  launch(path.join(here, 'gateway/upstream.js'), { PORT: String(upstreamPort) });
  launch(path.join(here, 'gateway/otlp-sink.js'), { PORT: String(sinkPort) });
  const gateway = async (start: string, env: Record<string, string> = {}) => {
    const [port, internal] = await Promise.all([freePort(), freePort()]);
    const child = launch(start, {
      PORT: String(port),
      INTERNAL_PORT: String(internal),
      CATALOG_URL: upstream,
      LOG_LEVEL: 'silent',
      REDIS_URL: '',
      // One process: its own CPU time is all of the gateway's.
      GATEWAY_WORKERS: '1',
      ...env,
    });
    return { pid: child.pid!, url: `http://127.0.0.1:${port}/api/catalog/tags` };
  };
  const ours = path.join(root, 'services/gateway/dist/start.js');
  const targets = {
    ours: await gateway(ours),
    traced: await gateway(ours, {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`,
      OTEL_TRACES_SAMPLER: 'always_on',
    }),
    ...(process.env.BENCH_BASELINE ? { baseline: await gateway(process.env.BENCH_BASELINE) } : {}),
  };
  for (const { url } of Object.values(targets)) {
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(url).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    load(url, 2); // warm-up
  }
  const perRequest: Record<string, number[]> = {};
  for (let round = 1; round <= rounds; round++) {
    const line: string[] = [];
    for (const [name, { pid, url }] of Object.entries(targets).sort(() => Math.random() - 0.5)) {
      load(url, 1);
      const before = cpuMs(pid);
      const requests = load(url, seconds);
      const us = ((cpuMs(pid) - before) * 1000) / requests;
      perRequest[name] ??= [];
      perRequest[name].push(us);
      line.push(`${name} ${fmt(us, 1)} µs/request (${fmt(requests / seconds)}/s)`);
    }
    console.log(`round ${round}: ${line.join(' | ')}`);
  }
  const m = (name: string) => median(perRequest[name]!);
  console.log(
    `tracing on (100 %): ${fmt(m('traced'), 1)} µs CPU per request against ${fmt(m('ours'), 1)} off: ${fmt(m('ours') / m('traced'), 3)}× the requests per CPU second`,
  );
  if (perRequest.baseline)
    console.log(
      `tracing off against the baseline build: ${fmt(m('ours'), 1)} µs against ${fmt(m('baseline'), 1)}: ${fmt(m('baseline') / m('ours'), 3)}× its requests per CPU second`,
    );
} finally {
  for (const child of children) child.kill('SIGTERM');
}
