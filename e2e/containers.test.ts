import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { configSchema as authConfigSchema } from '@sproul/auth/config';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { configSchema as mediaConfigSchema } from '@sproul/media';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaKeys, serviceConfigSchema, yamlDocuments } from './support/deploy-files.js';
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
  GRAFANA_PASSWORD: 'grafana-secret-4',
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

/** `[ip:]host:container` of a compose `ports` entry. */
function publishedPort(port: string) {
  const parts = port.split(':');
  return {
    ip: parts.length === 3 ? parts[0] : undefined,
    host: Number(parts.at(-2)),
    container: Number(parts.at(-1)),
  };
}

const lockfile = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
};
const manifest = (workspace: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, workspace, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
/** Packages a workspace's source loads at run time (type-only imports and tests left out). */
/** The source files of a workspace that import `@sproul/common/testing`. */
function loadersOfTestSupport(workspace: string): string[] {
  return readdirSync(path.join(repoRoot, workspace, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file, 'utf8').includes("'@sproul/common/testing'"));
}

function runtimeImports(workspace: string): Map<string, string> {
  const found = new Map<string, string>();
  const sources = readdirSync(path.join(repoRoot, workspace, 'src'), {
    recursive: true,
    withFileTypes: true,
  }).filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'));
  for (const entry of sources) {
    // libs/common's test support (`@sproul/common/testing`: fuzzers, token forgers) is loaded by tests,
    // benchmarks and the chaos and fuzz runs, never by a service (checked below): its dev-only packages
    // (fast-check) are not an image's concern.
    if (workspace === 'libs/common' && entry.parentPath.includes(`${path.sep}src${path.sep}testing`))
      continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const imports = text.matchAll(
      /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    );
    for (const match of imports) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier))
        continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      found.set(name, path.relative(path.join(repoRoot, workspace), file));
    }
  }
  return found;
}

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
      'GRAFANA_PASSWORD',
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
      expect(() =>
        ['postgres', 'rabbitmq', 'grafana', ...backends].map((s) => environmentOf(s, missing)),
      ).toThrow(name);
    }
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.rabbitmq.environment.RABBITMQ_DEFAULT_PASS).toMatch(/^\$\{RABBITMQ_PASSWORD:\?/);
    expect(composeText).not.toMatch(/change-me|postgres:postgres@|sproul:sproul@/);
    for (const name of required) expect(envExample).toMatch(new RegExp(`^${name}=$`, 'm'));
    expect(readFileSync(path.join(repoRoot, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
    expect(readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('points the gateway at every service and publishes only its port and MinIO’s to everyone', () => {
    const gateway = compose.services.gateway;
    const config = loadConfig(gatewayConfigSchema, environmentOf('gateway'));
    for (const name of backends) {
      expect(config[`${name.toUpperCase()}_URL` as keyof typeof config]).toBe(`http://${name}:8080`);
      expect(gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
    }
    // MinIO's S3 port is public, as browsers load club images from it (MEDIA_PUBLIC_BASE_URL); the
    // consoles (RabbitMQ management, Jaeger, Prometheus, Grafana) listen on loopback only; PostgreSQL,
    // Redis and the services behind the gateway are not published at all.
    const published = Object.entries(compose.services as Record<string, { ports?: string[] }>).flatMap(
      ([name, service]) => (service.ports ?? []).map((port) => ({ name, ...publishedPort(port) })),
    );
    expect(published.filter((port) => port.ip !== '127.0.0.1').map((port) => port.name)).toEqual([
      'minio',
      'gateway',
    ]);
    expect(compose.services.minio.ports).toEqual(['9000:9000']);
    expect(gateway.ports).toEqual(['8080:8080']);
    expect(published.map((port) => port.name).sort()).toEqual(
      ['gateway', 'grafana', 'jaeger', 'minio', 'prometheus', 'rabbitmq'].sort(),
    );
    for (const name of ['postgres', 'redis', ...backends])
      expect(compose.services[name].ports, name).toBeUndefined();
  });

  it('publishes no host port twice', () => {
    const hostPorts = Object.values(compose.services as Record<string, { ports?: string[] }>).flatMap(
      (service) => (service.ports ?? []).map((port) => publishedPort(port).host),
    );
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    // Grafana stays off 3000, the web client's port (FRONTEND_BASE_URL's default).
    expect(hostPorts).not.toContain(3000);
  });

  it('gives every service only variables its own config schema knows, and a configuration it accepts', async () => {
    for (const name of serviceDirs) {
      const schema = await serviceConfigSchema(name);
      const known = schemaKeys(schema);
      const given = Object.keys(compose.services[name].environment);
      expect(
        given.filter((variable) => !known.includes(variable)),
        `${name}: unknown to services/${name}/src/config.ts`,
      ).toEqual([]);
      expect(() => loadConfig(schema, environmentOf(name)), name).not.toThrow();
      // Every service traces to Jaeger under its own name.
      expect(environmentOf(name)).toMatchObject({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        OTEL_SERVICE_NAME: name,
      });
    }
    expect(compose.services.jaeger.image).toMatch(/^jaegertracing\/all-in-one:/);
  });

  it('gives every infrastructure service a healthcheck, and every service waits for what it uses to be healthy', () => {
    const services = compose.services as Record<
      string,
      {
        healthcheck?: unknown;
        depends_on?: Record<string, { condition: string }>;
        restart?: string;
        image: string;
      }
    >;
    // Jaeger's image has no shell or HTTP client to probe it with; nothing needs it to be up either
    // (a span exporter drops spans while the collector is away), so services only start after it.
    const unprobed = ['jaeger'];
    const infrastructure = Object.keys(services).filter((name) => !serviceDirs.includes(name));
    for (const name of infrastructure) {
      if (!unprobed.includes(name)) expect(services[name]!.healthcheck, name).toBeDefined();
    }
    for (const [name, service] of Object.entries(services)) {
      expect(service.restart, name).toBe('unless-stopped');
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        // App images have the Dockerfile's HEALTHCHECK; infrastructure its own.
        const probed = serviceDirs.includes(dependency) || services[dependency]!.healthcheck !== undefined;
        expect(condition, `${name} → ${dependency}`).toBe(probed ? 'service_healthy' : 'service_started');
      }
    }
    const infra = {
      postgres: { condition: 'service_healthy' },
      rabbitmq: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      jaeger: { condition: 'service_started' },
    };
    for (const name of backends) expect(services[name]!.depends_on, name).toMatchObject(infra);
    expect(services.media!.depends_on).toMatchObject({ minio: { condition: 'service_healthy' } });
    expect(services.mailer!.depends_on).toMatchObject({ ses: { condition: 'service_healthy' } });
    expect(services.gateway!.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
    expect(services.grafana!.depends_on).toMatchObject({ prometheus: { condition: 'service_healthy' } });
  });

  it('keeps every store’s data in a declared volume', () => {
    const declared = Object.keys(compose.volumes);
    const stateful = { postgres: '/var/lib/postgresql/data', rabbitmq: '/var/lib/rabbitmq', redis: '/data' };
    for (const [name, target] of Object.entries({ ...stateful, minio: '/data', prometheus: '/prometheus' })) {
      expect(compose.services[name].volumes, name).toContainEqual(
        expect.stringMatching(new RegExp(`^[a-z-]+:${target}$`)),
      );
    }
    expect(compose.services.grafana.volumes).toContain('grafana-data:/var/lib/grafana');
    for (const service of Object.values(compose.services as Record<string, { volumes?: string[] }>)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('.')) expect(declared, volume).toContain(source);
      }
    }
  });

  it('builds from contexts, Dockerfiles, targets and mounts files that exist', () => {
    const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]);
    for (const [name, service] of Object.entries(
      compose.services as Record<
        string,
        { build?: { context: string; dockerfile: string; target?: string }; volumes?: string[] }
      >,
    )) {
      if (service.build) {
        expect(statSync(path.join(repoRoot, service.build.context)).isDirectory(), name).toBe(true);
        expect(existsSync(path.join(repoRoot, service.build.context, service.build.dockerfile)), name).toBe(
          true,
        );
        if (service.build.target) expect(stages, name).toContain(service.build.target);
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.'))
          expect(existsSync(path.join(repoRoot, source)), `${name}: ${source}`).toBe(true);
      }
    }
    expect(compose.services.ses.build.target).toBe('ses-emulator');
  });

  it('has Prometheus scrape every service’s /metrics and load the alert rules it is given', () => {
    const mounts = Object.fromEntries(
      (compose.services.prometheus.volumes as string[]).map((volume) =>
        volume.split(':').slice(0, 2).reverse(),
      ),
    );
    const config = parse(
      readFileSync(path.join(repoRoot, mounts['/etc/prometheus/prometheus.yml']!), 'utf8'),
    );
    const targets = (config.scrape_configs as { static_configs?: { targets: string[] }[] }[]).flatMap((job) =>
      (job.static_configs ?? []).flatMap((group) => group.targets),
    );
    // The gateway's /metrics is on its internal listener (INTERNAL_PORT), the others' on PORT.
    expect(environmentOf('gateway').INTERNAL_PORT).toBe('9080');
    for (const name of serviceDirs)
      expect(targets).toContain(name === 'gateway' ? 'gateway:9080' : `${name}:8080`);
    for (const rules of config.rule_files as string[]) {
      const mounted = path.posix.resolve('/etc/prometheus', rules);
      expect(mounts[mounted], `rule file ${rules} is mounted`).toBeDefined();
      expect(
        parse(readFileSync(path.join(repoRoot, mounts[mounted]!), 'utf8')).groups.length,
      ).toBeGreaterThan(0);
    }
  });

  it('provisions Grafana with the Prometheus data source and the dashboards of deploy/grafana/dashboards', () => {
    const mounts = Object.fromEntries(
      (compose.services.grafana.volumes as string[]).map((volume) => volume.split(':').slice(0, 2)),
    );
    const provisioning = path.join(repoRoot, 'deploy/grafana/provisioning');
    expect(mounts['./deploy/grafana/provisioning']).toBe('/etc/grafana/provisioning');
    const [datasources] = yamlDocuments(path.join(provisioning, 'datasources/prometheus.yml'));
    expect(datasources!.datasources).toEqual([
      expect.objectContaining({
        type: 'prometheus',
        url: 'http://prometheus:9090',
        uid: 'prometheus',
        isDefault: true,
      }),
    ]);
    const [dashboards] = yamlDocuments(path.join(provisioning, 'dashboards/sproul.yml'));
    const [provider] = dashboards!.providers as { options: { path: string } }[];
    expect(mounts['./deploy/grafana/dashboards']).toBe(provider!.options.path);
    const files = readdirSync(path.join(repoRoot, 'deploy/grafana/dashboards')).filter((file) =>
      file.endsWith('.json'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(
        JSON.parse(readFileSync(path.join(repoRoot, 'deploy/grafana/dashboards', file), 'utf8')).panels
          .length,
      ).toBeGreaterThan(0);
    }
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

  it("gives each image only its service's production dependencies, from the lockfile", () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    const production = dockerfile.slice(
      dockerfile.indexOf('AS production-dependencies'),
      dockerfile.indexOf('AS ses-emulator'),
    );
    expect(production).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable in the Dockerfile, not JS.
      'npm ci --omit=dev --no-audit --no-fund --workspace=services/${SERVICE} --include-workspace-root=false',
    );
    expect(runtime).toMatch(
      /^COPY --from=production-dependencies \S+ \/app\/node_modules \.\/node_modules$/m,
    );
    // Nothing of the build stage's full install (dev tools, every service's dependencies) reaches it.
    expect(runtime).not.toMatch(/--from=build \S+ \S*node_modules/);
    expect(dockerfile).not.toMatch(/npm prune/);
  });

  it('declares every package a service loads where its production install gets it', () => {
    // A service's image holds its own dependencies and libs/common's (npm hoists both to the top),
    // nothing else: a package a service loads must be one of them, or its container fails on import.
    const common = manifest('libs/common').dependencies ?? {};
    const hoisted = (name: string, version: string) =>
      lockfile.packages[`node_modules/${name}`]?.version === version;
    // Loaded only outside the images: the embedded mode's S3 store (npm start) and the ses-emulator target.
    const embeddedOnly: Record<string, string[]> = { media: ['s3rver'], mailer: ['aws-ses-v2-local'] };
    for (const [name, file] of runtimeImports('libs/common'))
      expect(common[name], `libs/common/${file}: ${name}`).toBeDefined();
    for (const service of serviceDirs) {
      const own = manifest(`services/${service}`).dependencies ?? {};
      expect(own['@sproul/common'], service).toBeDefined();
      expect(loadersOfTestSupport(`services/${service}`), 'services load no test support').toEqual([]);
      for (const [name, file] of runtimeImports(`services/${service}`)) {
        if (own[name] || embeddedOnly[service]?.includes(name)) continue;
        expect(
          common[name],
          `services/${service}/${file} loads ${name}, which it does not declare`,
        ).toBeDefined();
        expect(hoisted(name, common[name]!), `${name} must be hoisted for services/${service}`).toBe(true);
      }
    }
    // The lockfile keeps the heavy packages to the services that use them.
    const heavy = {
      sharp: 'media',
      '@tensorflow/tfjs': 'recommender',
      mjml: 'mailer',
      '@node-rs/argon2': 'auth',
    };
    for (const [name, owner] of Object.entries(heavy)) {
      const users = serviceDirs.filter((service) => manifest(`services/${service}`).dependencies?.[name]);
      expect(users, name).toEqual([owner]);
    }
  });

  it('runs an entry point that the build produces for every service', () => {
    for (const name of serviceDirs) {
      expect(existsSync(path.join(repoRoot, `services/${name}/src/start.ts`)), name).toBe(true);
      expect(existsSync(path.join(repoRoot, `services/${name}/dist/start.js`)), name).toBe(true);
    }
  });
});
