// The processes bench:media starts and measures, and the pictures it uploads.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const children: ChildProcess[] = [];

export function start(script: string, env: Record<string, string>, execArgv: string[] = []) {
  const child = spawn(process.execPath, [...execArgv, path.join(root, script)], {
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

/**
 * A square picture of just under 2 MiB, different per index. Noise hardly compresses, so every byte
 * is pixels: the most a 2 MiB logo can cost to decode and re-encode.
 */
export async function logo(seed: number) {
  const side = 800;
  const raw = randomBytes(side * side * 3);
  raw.writeUInt32BE(seed, 0);
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/**
 * As many bytes, but the pixels cost next to nothing: a flat 512 × 512 picture carrying random bytes in a
 * private chunk, which decoders skip. Through the same route, the same bytes on the wire: what the
 * path itself costs (gateway, multipart, hashing, database, S3) with almost no image work.
 */
export async function flatLogo(seed: number, size: number) {
  const flat = await sharp({
    create: { width: 512, height: 512, channels: 3, background: { r: seed % 256, g: 80, b: 160 } },
  })
    .png()
    .toBuffer();
  const type = Buffer.from('prVt');
  const data = randomBytes(size - flat.length - 12);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const afterHeader = 8 + 25; // signature, then the IHDR chunk
  return Buffer.concat([flat.subarray(0, afterHeader), length, type, data, crc, flat.subarray(afterHeader)]);
}
