import { connect } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../src/http/serve.js';

/** What the server answers to bytes written on a fresh connection, read until it closes. */
async function rawExchange(
  port: number,
  request: string,
): Promise<{ status: number; type: string; body: unknown }> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(request);
  await new Promise((resolve) => socket.on('close', resolve));
  const text = Buffer.concat(chunks).toString('utf8');
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return {
    status: Number(head.split(' ')[1]),
    type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
    body: JSON.parse(body),
  };
}

describe('requests the HTTP parser refuses', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const app = express();
    app.get('/ok', (_req, res) => res.json({ ok: true }));
    running = await listen(app);
  });
  afterAll(() => running.close(100));

  it('a header block over the limit gets 431 in the JSON error envelope', async () => {
    const answer = await rawExchange(
      running.port,
      `GET /ok?status=${'member,'.repeat(4000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer).toEqual({
      status: 431,
      type: 'application/json; charset=utf-8',
      body: { status: 'error', reason: 'Request header fields too large', data: null },
    });
  });

  it('a garbled request line gets 400 in the JSON error envelope', async () => {
    const answer = await rawExchange(running.port, 'NOT A REQUEST\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ status: 'error', reason: 'Malformed HTTP request', data: null });
  });

  it('still answers well-formed requests', async () => {
    expect(await (await fetch(`${running.url}/ok`)).json()).toEqual({ ok: true });
  });
});
