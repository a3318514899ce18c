import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { repoRoot } from './processes.js';

// Helpers for the static checks of docker-compose.yml and deploy/k8s (no container engine runs here).

export const serviceNames = readdirSync(path.join(repoRoot, 'services'));

/** A service's own config schema (services/<name>/src/config.ts), as the service loads it. */
export async function serviceConfigSchema(name: string): Promise<z.ZodType> {
  const module = (await import(path.join(repoRoot, 'services', name, 'src', 'config.ts'))) as {
    configSchema: z.ZodType;
  };
  return module.configSchema;
}

/**
 * The variable names a schema knows. zod drops unknown keys without a word, so a misspelt or
 * forgotten variable would go unnoticed: the checks compare names against this list instead.
 * A schema with a refinement or transform wraps the object; the object is found under `in`.
 */
export function schemaKeys(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 5; depth++) {
    const candidate = current as {
      shape?: Record<string, unknown>;
      def?: { in?: unknown; innerType?: unknown };
    };
    if (candidate.shape) return Object.keys(candidate.shape);
    current = candidate.def?.in ?? candidate.def?.innerType;
  }
  throw new Error('no object schema found');
}

/** Every YAML document of a file (Kubernetes manifests hold several), merge keys resolved. */
export function yamlDocuments(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(file, 'utf8'), { merge: true })
    .map((document) => document.toJS() as Record<string, unknown> | null)
    .filter((document): document is Record<string, unknown> => document !== null);
}

/** KEY=value lines of an env file (comments and blank lines skipped). */
export function envFile(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

export const exists = (...parts: string[]) => existsSync(path.join(repoRoot, ...parts));
