// The stack under chaos gets a Redis and a RabbitMQ node of its own: the faults stop and cut them, and
// the machine's shared servers (other people's tests use them) must never be touched. PostgreSQL stays
// the shared server: its faults only end connections to the stack's own databases.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, freePort, reachable } from '@sproul/common/testing';

const run = promisify(execFile);

/** A redis-server on a free loopback port, nothing saved; `stop`/`start` make it unreachable and back. */
export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await eventually(() => reachable(url), 20_000, 50);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, port, start, stop, close: stop };
}

export type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

/**
 * A RabbitMQ node of its own (RABBITMQ_NODENAME chaos-<pid>@localhost), its data and logs in a temporary
 * folder, no plugins, listening on loopback only. Its Erlang cookie lives in that folder too (HOME),
 * so its rabbitmqctl calls never use the shared node's. `stopApp`/`startApp` are the broker outage.
 */
export async function startPrivateRabbit() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sproul-chaos-rabbit-'));
  const port = await freePort();
  // Not port + 20000 (the default): a CLI tool's own Erlang node takes ports 35672-35682.
  const distPort = await freePort();
  const node = `chaos-${process.pid}-${port}@localhost`;
  mkdirSync(path.join(dir, 'log'));
  writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(path.join(dir, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${port}\n`);
  writeFileSync(path.join(dir, 'rabbitmq-env.conf'), '');
  const env = {
    ...process.env,
    HOME: dir,
    RABBITMQ_NODENAME: node,
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
    RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_PID_FILE: path.join(dir, 'pid'),
    ERL_FLAGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
  // The unwrapped scripts: the /usr/sbin wrappers switch to the rabbitmq user (and its shared cookie).
  const bin = (name: string) => path.join('/usr/lib/rabbitmq/bin', name);
  const ctl = async (...args: string[]) =>
    (await run(bin('rabbitmqctl'), ['-n', node, ...args], { env, timeout: 60_000 })).stdout;
  const server = spawn(bin('rabbitmq-server'), [], { env, stdio: 'ignore', detached: true });
  const url = `amqp://guest:guest@127.0.0.1:${port}`;
  const vhostUrl = (name: string) => `${url}/${encodeURIComponent(name)}`;
  try {
    await eventually(
      async () => {
        if (server.exitCode !== null) throw new Error(`rabbitmq-server exited (${server.exitCode})`);
        await ctl('await_startup', '--timeout', '5');
        return true;
      },
      120_000,
      500,
    );
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    node,
    port,
    ctl,
    stopApp: () => ctl('stop_app'),
    startApp: async () => {
      // A listener socket the stopped app held may take a moment to be given back.
      await eventually(
        async () => {
          await ctl('start_app');
          return true;
        },
        60_000,
        500,
      );
    },
    /** The AMQP URL of one of the node's vhosts. */
    vhostUrl,
    /** A vhost of the node's own for the stack (guest may use it). */
    async addVhost(name: string) {
      await ctl('add_vhost', name);
      await ctl('set_permissions', '-p', name, 'guest', '.*', '.*', '.*');
      return vhostUrl(name);
    },
    /** Queues and their depths in a vhost. */
    async queues(vhost: string) {
      const out = await ctl('list_queues', '-p', vhost, 'name', 'messages', '--formatter', 'json', '-q');
      return JSON.parse(out) as { name: string; messages: number }[];
    },
    /** Which queue is bound to the events exchange with which routing key. */
    async bindings(vhost: string) {
      const out = await ctl(
        'list_bindings',
        '-p',
        vhost,
        'source_name',
        'destination_name',
        'routing_key',
        '--formatter',
        'json',
        '-q',
      );
      return JSON.parse(out) as { source_name: string; destination_name: string; routing_key: string }[];
    },
    async close() {
      try {
        await ctl('stop');
      } catch {
        server.kill('SIGKILL');
      }
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise((resolve) => {
          const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
          server.once('exit', () => resolve(clearTimeout(timer)));
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PrivateRabbit = Awaited<ReturnType<typeof startPrivateRabbit>>;
