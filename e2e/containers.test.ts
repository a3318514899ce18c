import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema as authConfigSchema } from '@sproul/auth/config';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { configSchema as mediaConfigSchema } from '@sproul/media';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './support/processes.js';

// No Docker engine runs here, so the container set-up is checked statically: every service has an
// image, its environment passes that service's own config schema, and the Dockerfile copies what runs.
const composeText = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true });
const envExample = readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
const serviceDirs = readdirSync(path.join(repoRoot, 'services'));
const backends = serviceDirs.filter((name) => name !== 'gateway');

/** The secrets compose must be given (`${NAME:?message}`: no default, refuses to start without). */
const required = [...new Set([...composeText.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1]!))];
// What an operator puts in .env, as .env.example asks.
const operatorEnv: Record<string, string> = {
  POSTGRES_PASSWORD: 'pg-secret-1',
  RABBITMQ_PASSWORD: 'mq-secret-2',
  KEY_ENCRYPTION_SECRET: 'a-sealing-secret-of-32-characters',
  UNSUBSCRIBE_SECRET: 'an-unsubscribe-secret-of-32-chars',
  TICKET_SECRET: 'a-ticket-secret-of-32-characters',
  MINIO_PASSWORD: 'minio-secret-3',
};

/** Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}` in one value. */
function interpolate(value: unknown, env: Record<string, string>): string {
  return String(value).replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_all, name, kind, rest) => {
    if (env[name]) return env[name];
    if (kind === '?') throw new Error(`required variable ${name} is missing: ${rest}`);
    return kind === '-' ? rest : '';
  });
}
const environmentOf = (service: string, env = operatorEnv) =>
  Object.fromEntries(
    Object.entries(compose.services[service].environment as Record<string, unknown>).map(([key, value]) => [
      key,
      interpolate(value, env),
    ]),
  );

describe('docker-compose.yml and Dockerfile', () => {
  it('builds one image per service from the Dockerfile', () => {
    for (const name of serviceDirs) {
      const service = compose.services[name];
      expect(service, name).toBeDefined();
      expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile', args: { SERVICE: name } });
      expect(service.image).toBe(`sproul/${name}`);
    }
  });

  it('gives each backend service its own database, the broker and Redis, in a valid configuration', () => {
    for (const name of backends) {
      const env = environmentOf(name);
      expect(env.DATABASE_URL).toBe(`postgres://postgres:pg-secret-1@postgres:5432/sproul_${name}`);
      expect(env.AMQP_URL).toBe('amqp://sproul:mq-secret-2@rabbitmq:5672');
      const config = loadConfig(commonConfigSchema, env);
      expect(config).toMatchObject({ HOST: '0.0.0.0', PORT: 8080 });
      expect(new URL(config.AMQP_URL!).hostname).toBe('rabbitmq');
      expect(new URL(config.REDIS_URL!).hostname).toBe('redis');
      expect(compose.services[name].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        rabbitmq: { condition: 'service_healthy' },
      });
    }
  });

  it("passes the media service's configuration schema, pointed at MinIO", () => {
    const config = loadConfig(mediaConfigSchema, environmentOf('media'));
    expect(config).toMatchObject({
      S3_ENDPOINT: 'http://minio:9000',
      S3_SECRET_ACCESS_KEY: 'minio-secret-3',
    });
  });

  it("passes auth's own configuration schema, with its signing keys sealed", () => {
    const config = loadConfig(authConfigSchema, environmentOf('auth'));
    expect(config.KEY_ENCRYPTION_SECRET).toBe(operatorEnv.KEY_ENCRYPTION_SECRET);
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });

  it('ships no working secret: each comes from the environment, as .env.example lists them', () => {
    expect(required.sort()).toEqual([
      'KEY_ENCRYPTION_SECRET',
      'MINIO_PASSWORD',
      'POSTGRES_PASSWORD',
      'RABBITMQ_PASSWORD',
      'TICKET_SECRET',
      'UNSUBSCRIBE_SECRET',
    ]);
    // Without them compose refuses to start, rather than run on a password anyone can read here.
    for (const name of required) {
      const missing = { ...operatorEnv, [name]: '' };
      expect(() => ['postgres', 'rabbitmq', ...backends].map((s) => environmentOf(s, missing))).toThrow(name);
    }
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.rabbitmq.environment.RABBITMQ_DEFAULT_PASS).toMatch(/^\$\{RABBITMQ_PASSWORD:\?/);
    expect(composeText).not.toMatch(/change-me|postgres:postgres@|sproul:sproul@/);
    for (const name of required) expect(envExample).toMatch(new RegExp(`^${name}=$`, 'm'));
    expect(readFileSync(path.join(repoRoot, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('points the gateway at every service and publishes only its port', () => {
    const gateway = compose.services.gateway;
    const config = loadConfig(gatewayConfigSchema, environmentOf('gateway'));
    for (const name of backends) {
      expect(config[`${name.toUpperCase()}_URL` as keyof typeof config]).toBe(`http://${name}:8080`);
      expect(gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
    }
    // Not the infrastructure either: RabbitMQ's management UI is not published. MinIO's S3 port is,
    // as browsers load club images from it (MEDIA_PUBLIC_BASE_URL).
    for (const [name, service] of Object.entries(compose.services as Record<string, { ports?: unknown }>)) {
      if (name !== 'gateway' && name !== 'minio') expect(service.ports, name).toBeUndefined();
    }
    expect(compose.services.minio.ports).toEqual(['9000:9000']);
    expect(gateway.ports).toEqual(['8080:8080']);
  });

  it('installs from the lockfile with every workspace manifest present, and runs unprivileged', () => {
    const workspaces = [...serviceDirs.map((name) => `services/${name}`), 'libs/common', 'bench'];
    for (const workspace of workspaces) {
      expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
    }
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable in the Dockerfile, not JS.
    expect(dockerfile).toContain('exec node services/${SERVICE}/dist/start.js');
  });

  it('runs an entry point that the build produces for every service', () => {
    for (const name of serviceDirs) {
      expect(existsSync(path.join(repoRoot, `services/${name}/src/start.ts`)), name).toBe(true);
      expect(existsSync(path.join(repoRoot, `services/${name}/dist/start.js`)), name).toBe(true);
    }
  });
});
