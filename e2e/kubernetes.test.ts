import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@sproul/common/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import {
  envFile,
  schemaKeys,
  serviceConfigSchema,
  serviceNames,
  yamlDocuments,
} from './support/deploy-files.js';
import { repoRoot } from './support/processes.js';

// No cluster runs here, so deploy/k8s is checked statically, as kustomize would assemble it: every
// file a kustomization names exists, each service has its Deployment, probes, resources and Service,
// and every variable its ConfigMaps and Secrets give it is one its config schema knows and accepts.
const k8s = path.join(repoRoot, 'deploy/k8s');
const basePath = path.join(k8s, 'base');
const productionPath = path.join(k8s, 'overlays/production');

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: unknown };
type Probe = { httpGet: { path: string; port: string | number } };
type Container = {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  envFrom: ({ configMapRef: { name: string } } | { secretRef: { name: string } })[];
  env?: { name: string; value: string }[];
  readinessProbe: Probe;
  livenessProbe: Probe;
  resources: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
};
type Deployment = Manifest & { spec: { replicas?: number; template: { spec: { containers: Container[] } } } };
type Kustomization = {
  resources?: string[];
  patches?: { path: string }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  secretGenerator?: { name: string; behavior?: string; envs: string[] }[];
};

const kustomization = (dir: string) =>
  yamlDocuments(path.join(dir, 'kustomization.yaml'))[0] as Kustomization;

/** The manifests a kustomization's resources hold, following nested kustomizations. */
function resources(dir: string): Manifest[] {
  return (kustomization(dir).resources ?? []).flatMap((resource) => {
    const target = path.join(dir, resource);
    return statSync(target).isDirectory() ? resources(target) : (yamlDocuments(target) as Manifest[]);
  });
}

const base = resources(basePath);
const find = <T extends Manifest>(manifests: Manifest[], kind: string, name: string) =>
  manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name) as T | undefined;
const deployment = (name: string) => find<Deployment>(base, 'Deployment', name)!;
const container = (name: string) => deployment(name).spec.template.spec.containers[0]!;
const configMapData = (manifests: Manifest[], name: string) =>
  (find(manifests, 'ConfigMap', name)?.data ?? {}) as Record<string, string>;
const secretData = (manifests: Manifest[], name: string) =>
  (find(manifests, 'Secret', name)?.stringData ?? {}) as Record<string, string>;

/** What one container's environment is, from its ConfigMaps, Secrets and own `env`, later ones winning. */
function environment(
  name: string,
  configMaps: (configMap: string) => Record<string, string>,
  secrets: (secret: string) => Record<string, string>,
): Record<string, string> {
  const spec = container(name);
  const sources = spec.envFrom.map((source) =>
    'configMapRef' in source ? configMaps(source.configMapRef.name) : secrets(source.secretRef.name),
  );
  return Object.assign(
    {},
    ...sources,
    Object.fromEntries((spec.env ?? []).map((env) => [env.name, env.value])),
  );
}

/** The production overlay's view: base ConfigMaps with its patches, its generated Secrets, its env patches. */
const production = kustomization(productionPath);
const productionPatches = (production.patches ?? []).flatMap(
  (patch) => yamlDocuments(path.join(productionPath, patch.path)) as Manifest[],
);
const productionSecret = (name: string) => {
  const generator = production.secretGenerator?.find((secret) => secret.name === name);
  if (!generator) return secretData(base, name);
  // The real files are not committed (secrets/.gitignore); their committed templates are checked.
  return Object.assign(
    {},
    ...generator.envs.map((env) => envFile(path.join(productionPath, `${env}.example`))),
  );
};
const productionEnvironment = (name: string) => {
  const patched = find<Deployment>(productionPatches, 'Deployment', name)?.spec.template.spec.containers[0]
    ?.env;
  return {
    ...environment(
      name,
      (configMap) => ({ ...configMapData(base, configMap), ...configMapData(productionPatches, configMap) }),
      productionSecret,
    ),
    ...Object.fromEntries((patched ?? []).map((env) => [env.name, env.value])),
  };
};

/** Placeholders replaced by values of the right form, as an operator would. */
const filledIn = (env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value.replaceAll('REPLACE_ME', 'x'.repeat(32))]),
  );

const schemas = new Map<string, z.ZodType>();
beforeAll(async () => {
  for (const name of serviceNames) schemas.set(name, await serviceConfigSchema(name));
});

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('names only files that exist in every kustomization', () => {
    for (const dir of [basePath, productionPath]) {
      const { resources: listed = [], patches = [], secretGenerator = [] } = kustomization(dir);
      for (const resource of listed) {
        const target = path.join(dir, resource);
        expect(existsSync(target), `${dir}: ${resource}`).toBe(true);
        if (statSync(target).isDirectory())
          expect(existsSync(path.join(target, 'kustomization.yaml'))).toBe(true);
      }
      for (const patch of patches) expect(existsSync(path.join(dir, patch.path)), patch.path).toBe(true);
      for (const env of secretGenerator.flatMap((generator) => generator.envs)) {
        // Kept out of git; kustomize refuses to build while one is missing, as compose does for .env.
        expect(existsSync(path.join(dir, `${env}.example`)), env).toBe(true);
        const ignored = readFileSync(path.join(dir, path.dirname(env), '.gitignore'), 'utf8');
        expect(ignored).toMatch(/^\*\.env$/m);
      }
    }
  });

  it('runs every service as a Deployment of its own image, behind a Service', () => {
    for (const name of serviceNames) {
      const spec = container(name);
      expect(spec.image, name).toBe(`sproul/${name}`);
      const service = find(base, 'Service', name) as Manifest & {
        spec: { selector: Record<string, string>; ports: { port: number; targetPort: string }[] };
      };
      expect(service, name).toBeDefined();
      const labels = (
        deployment(name).spec.template as unknown as { metadata: { labels: Record<string, string> } }
      ).metadata.labels;
      expect(labels).toMatchObject(service.spec.selector);
      expect(service.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http' }]);
    }
    expect(base.filter((manifest) => manifest.kind === 'Deployment')).toHaveLength(serviceNames.length);
  });

  it('probes liveness on /healthz and readiness on /readyz, on the ports the services listen on', () => {
    const common = configMapData(base, 'sproul-common');
    const portOf = (spec: Container, port: string | number) =>
      typeof port === 'number'
        ? port
        : spec.ports.find((candidate) => candidate.name === port)?.containerPort;
    for (const name of serviceNames) {
      const spec = container(name);
      expect(portOf(spec, 'http'), name).toBe(Number(common.PORT));
      expect(spec.livenessProbe.httpGet.path, name).toBe('/healthz');
      expect(portOf(spec, spec.livenessProbe.httpGet.port), name).toBe(Number(common.PORT));
      expect(spec.readinessProbe.httpGet.path, name).toBe('/readyz');
      // The gateway serves /readyz (and /metrics) on its internal listener only: INTERNAL_PORT.
      const gateway = configMapData(base, 'gateway-config');
      const readyPort = name === 'gateway' ? Number(gateway.INTERNAL_PORT) : Number(common.PORT);
      expect(portOf(spec, spec.readinessProbe.httpGet.port), name).toBe(readyPort);
      if (name === 'gateway') expect(gateway.INTERNAL_HOST).toBe('0.0.0.0');
    }
  });

  it('sets resource requests and memory limits on every container, in the overlay too', () => {
    for (const name of serviceNames) {
      const { requests, limits } = container(name).resources;
      expect(requests?.cpu && requests.memory, name).toBeTruthy();
      expect(limits?.memory, name).toBeTruthy();
    }
    for (const patch of productionPatches.filter((manifest) => manifest.kind === 'Deployment')) {
      const { requests, limits } = (patch as Deployment).spec.template.spec.containers[0]!.resources;
      expect(requests?.cpu && requests.memory && limits?.memory, patch.metadata.name).toBeTruthy();
    }
  });

  it('scales the gateway and the catalog with autoscalers that own their replica counts', () => {
    const autoscalers = base.filter(
      (manifest) => manifest.kind === 'HorizontalPodAutoscaler',
    ) as (Manifest & {
      spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
    })[];
    expect(autoscalers.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(['catalog', 'gateway']);
    for (const { spec } of autoscalers) {
      expect(spec.scaleTargetRef.kind).toBe('Deployment');
      expect(deployment(spec.scaleTargetRef.name)).toBeDefined();
      expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
      // A replica count in the manifest would reset the autoscaler's on every apply.
      expect(deployment(spec.scaleTargetRef.name).spec.replicas).toBeUndefined();
      expect(production.replicas?.map((replica) => replica.name)).not.toContain(spec.scaleTargetRef.name);
    }
  });

  it('gives each service only variables its config schema knows, from its ConfigMaps and Secret', () => {
    for (const name of serviceNames) {
      // Node's own variables are read by the runtime, not the services (a database CA bundle, say).
      const known = [...schemaKeys(schemas.get(name)!), 'NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
      for (const env of [
        environment(
          name,
          (configMap) => configMapData(base, configMap),
          (secret) => secretData(base, secret),
        ),
        productionEnvironment(name),
      ]) {
        expect(
          Object.keys(env).filter((variable) => !known.includes(variable)),
          `${name}: unknown to services/${name}/src/config.ts`,
        ).toEqual([]);
        expect(env.OTEL_SERVICE_NAME).toBe(name);
        expect(() => loadConfig(schemas.get(name)!, filledIn(env)), name).not.toThrow();
      }
    }
  });

  it('points production at managed PostgreSQL, the RabbitMQ cluster, Redis, S3 and SES over TLS', () => {
    for (const name of serviceNames) {
      const env = loadConfig(schemas.get(name)!, filledIn(productionEnvironment(name))) as Record<
        string,
        unknown
      >;
      if (name !== 'gateway') {
        expect(String(env.DATABASE_URL), name).toMatch(
          /^postgres:\/\/[^@]+@[^/]+\.rds\.amazonaws\.com:5432\/sproul_/,
        );
        expect(String(env.DATABASE_URL), name).toContain(`/sproul_${name}?sslmode=verify-full`);
        expect(String(env.AMQP_URL), name).toMatch(/^amqps:\/\//);
      }
      expect(String(env.REDIS_URL), name).toMatch(/^rediss:\/\//);
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT, name).toMatch(/^http:\/\/otel-collector\./);
    }
    // AWS itself: no emulator endpoints.
    expect(productionEnvironment('media').S3_ENDPOINT).toBeUndefined();
    expect(productionEnvironment('mailer').SES_ENDPOINT).toBeUndefined();
  });

  it('commits no working secret: placeholders the services refuse or no server accepts', () => {
    for (const secret of base.filter((manifest) => manifest.kind === 'Secret')) {
      for (const [key, value] of Object.entries(secret.stringData as Record<string, string>)) {
        expect(value, `${secret.metadata.name}.${key}`).toContain('REPLACE_ME');
      }
    }
    for (const generator of production.secretGenerator ?? []) {
      for (const env of generator.envs) {
        for (const [key, value] of Object.entries(envFile(path.join(productionPath, `${env}.example`)))) {
          expect(value, `${env}: ${key}`).toContain('REPLACE_ME');
        }
      }
    }
    // Left as they are, the secrets with a minimum length stop their service at start.
    for (const name of ['auth', 'mailer', 'engagement']) {
      const env = environment(
        name,
        (configMap) => configMapData(base, configMap),
        (secret) => secretData(base, secret),
      );
      expect(() => loadConfig(schemas.get(name)!, env), name).toThrow(/SECRET/);
    }
  });

  // Where kubectl is installed, kustomize itself assembles both (the checks above do not need it).
  const kubectl = (() => {
    try {
      execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!kubectl)(
    'renders with kustomize: the base, and production once its secrets are filled in',
    () => {
      const copy = mkdtempSync(path.join(tmpdir(), 'sproul-k8s-'));
      try {
        cpSync(k8s, copy, { recursive: true });
        const secrets = path.join(copy, 'overlays/production/secrets');
        for (const file of readdirSync(secrets).filter((name) => name.endsWith('.env.example'))) {
          cpSync(path.join(secrets, file), path.join(secrets, file.replace(/\.example$/, '')));
        }
        const render = (dir: string) =>
          parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })).map(
            (document) => document.toJS() as Manifest & { metadata: { namespace?: string } },
          );
        expect(render(path.join(copy, 'base'))).toHaveLength(base.length);
        const rendered = render(path.join(copy, 'overlays/production'));
        const deployments = rendered.filter((manifest) => manifest.kind === 'Deployment') as Deployment[];
        expect(deployments.map((item) => item.spec.template.spec.containers[0]!.image).sort()).toEqual(
          serviceNames.map((name) => `registry.example.org/sproul/${name}:0.1.0`).sort(),
        );
        for (const manifest of rendered.filter((item) => item.kind !== 'Namespace')) {
          expect(manifest.metadata.namespace, manifest.metadata.name).toBe('sproul');
        }
        const authSecret = find(rendered, 'Secret', 'auth-secrets') as Manifest & {
          data: Record<string, string>;
        };
        expect(Buffer.from(authSecret.data.DATABASE_URL!, 'base64').toString()).toContain(
          'rds.amazonaws.com',
        );
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  );

  it('patches, renames and replaces only what the base defines', () => {
    for (const patch of productionPatches) {
      expect(
        find(base, patch.kind, patch.metadata.name),
        `${patch.kind} ${patch.metadata.name}`,
      ).toBeDefined();
    }
    expect(production.images?.map((image) => image.name).sort()).toEqual(
      serviceNames.map((name) => `sproul/${name}`).sort(),
    );
    for (const image of production.images ?? []) expect(image.newTag, image.name).toMatch(/^\d+\.\d+\.\d+$/);
    for (const { name } of production.replicas ?? [])
      expect(find(base, 'Deployment', name), name).toBeDefined();
    for (const generator of production.secretGenerator ?? []) {
      expect(generator.behavior).toBe('replace');
      expect(find(base, 'Secret', generator.name), generator.name).toBeDefined();
    }
  });
});
