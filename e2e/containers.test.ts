import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema as authConfigSchema } from '@sproul/auth/config';
import { commonConfigSchema, loadConfig } from '@sproul/common';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './support/processes.js';

// No Docker engine runs here, so the container set-up is checked statically: every service has an
// image, its environment passes that service's own config schema, and the Dockerfile copies what runs.
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
const serviceDirs = readdirSync(path.join(repoRoot, 'services'));
const backends = serviceDirs.filter((name) => name !== 'gateway');

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
      const env = compose.services[name].environment;
      expect(env.DATABASE_URL).toBe(`postgres://postgres:postgres@postgres:5432/sproul_${name}`);
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

  it("passes auth's own configuration schema, with its signing keys sealed", () => {
    // Compose substitutes ${VAR:-default}; the defaults are what a first `docker compose up` uses.
    const env = Object.fromEntries(
      Object.entries(compose.services.auth.environment as Record<string, string>).map(([key, value]) => [
        key,
        String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'),
      ]),
    );
    const config = loadConfig(authConfigSchema, env);
    expect(config.KEY_ENCRYPTION_SECRET).toBeDefined();
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });

  it('points the gateway at every service and publishes only its port', () => {
    const gateway = compose.services.gateway;
    const config = loadConfig(gatewayConfigSchema, gateway.environment);
    for (const name of backends) {
      expect(config[`${name.toUpperCase()}_URL` as keyof typeof config]).toBe(`http://${name}:8080`);
      expect(gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
      expect(compose.services[name].ports).toBeUndefined();
    }
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
