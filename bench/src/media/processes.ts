// The processes bench:media starts and measures, and the pictures it uploads.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const children: ChildProcess[] = [];

export function start(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, script)], {
    env: { ...process.env, LOG_LEVEL: 'warn', REDIS_URL: '', AMQP_URL: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}
export async function ready(url: string) {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}
/** The process's peak resident set (VmHWM), in MB. */
export const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** CPU seconds a process has used so far (user + system). */
export const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** A square picture of just under 2 MiB (noise hardly compresses), different per index. */
export async function logo(seed: number) {
  const side = 800;
  const raw = randomBytes(side * side * 3);
  raw.writeUInt32BE(seed, 0);
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}
