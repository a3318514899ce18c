import type { z } from 'zod';
import type { EventContract } from './define-event.js';

/**
 * The fields of one contract's data a consumer reads, as paths: `clubId`, `club.link_name`, `outcomes[].to`
 * (`[]`: every element of an array). A segment ending in `?` says the consumer copes with it absent or
 * null; any other segment must stay required in the producer's schema.
 */
export interface ContractReads {
  contract: EventContract;
  fields: readonly string[];
}

/** What a service publishes and what it reads of what it consumes: the contract test checks both sides. */
export interface ServiceEvents {
  service: string;
  publishes: readonly EventContract[];
  reads: readonly ContractReads[];
}

export const reads = (contract: EventContract, fields: readonly string[]): ContractReads => ({
  contract,
  fields,
});

export const serviceEvents = (declaration: ServiceEvents) => declaration;

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that change nothing of what is inside; `optional`/`nullable` are noted on the way. */
function unwrap(schema: z.ZodType): { schema: z.ZodType; mayBeMissing: boolean } {
  let mayBeMissing = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') mayBeMissing = true;
    if (
      def.innerType &&
      ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)
    ) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return { schema: current, mayBeMissing };
  }
}

/** The schemas a key names in an object, or in every branch of a union that has it. */
function child(schema: z.ZodType, key: string): { found: z.ZodType[]; inEveryBranch: boolean } {
  const def = defOf(schema);
  if (def.type === 'object') {
    const field = def.shape?.[key];
    return { found: field ? [field] : [], inEveryBranch: field !== undefined };
  }
  if (def.type === 'union' && def.options) {
    const branches = def.options.map((option) => child(unwrap(option).schema, key));
    return {
      found: branches.flatMap((branch) => branch.found),
      inEveryBranch: branches.every((branch) => branch.inEveryBranch),
    };
  }
  return { found: [], inEveryBranch: false };
}

/**
 * Why a consumer reading `path` of this contract's data would break, or undefined when it would not:
 * the field is not in the schema, or the producer may leave it out (optional, nullable, in some
 * branches of a union only) while the consumer did not mark it `?`.
 */
export function readProblem(contract: EventContract, path: string): string | undefined {
  let current = [contract.schema];
  const walked: string[] = [];
  const read: string[] = [];
  for (const rawSegment of path.split('.')) {
    read.push(rawSegment);
    const tolerant = rawSegment.endsWith('?');
    const segment = tolerant ? rawSegment.slice(0, -1) : rawSegment;
    const isArray = segment.endsWith('[]');
    const key = isArray ? segment.slice(0, -2) : segment;
    walked.push(key);
    const where = walked.join('.');
    const next: z.ZodType[] = [];
    for (const schema of current) {
      const { found, inEveryBranch } = child(unwrap(schema).schema, key);
      if (found.length === 0) continue;
      if (!inEveryBranch && !tolerant) return `${where} is not in every form of the data`;
      for (const field of found) {
        const { schema: inner, mayBeMissing } = unwrap(field);
        if (mayBeMissing && !tolerant)
          return `${where} is optional or nullable (read it as \`${read.join('.')}?\`)`;
        if (isArray) {
          const array = defOf(inner);
          if (array.type !== 'array' || !array.element) return `${where} is not an array`;
          next.push(array.element);
        } else next.push(inner);
      }
    }
    if (next.length === 0) return `${where} does not exist`;
    current = next;
  }
  return undefined;
}

const label = (contract: EventContract) => `${contract.type} v${contract.version}`;

/**
 * Every way a producer's current schemas would break a consumer, as sentences naming consumer, event
 * and field: a read event that no service publishes in that version (unless `external` names its
 * type: produced outside the platform), and a read field that is missing, or optional while read as
 * required. Empty when every consumer can read what is published.
 */
export function contractBreaks(
  services: readonly ServiceEvents[],
  { external = [] }: { external?: readonly string[] } = {},
): string[] {
  const published = new Map<string, string[]>();
  for (const { service, publishes } of services) {
    for (const contract of publishes) {
      const key = `${contract.type}@${contract.version}`;
      published.set(key, [...(published.get(key) ?? []), service]);
    }
  }
  const problems: string[] = [];
  for (const { service, reads: declared } of services) {
    for (const { contract, fields } of declared) {
      const publishers = published.get(`${contract.type}@${contract.version}`);
      if (!publishers && !external.includes(contract.type)) {
        const versions = [...published.keys()]
          .filter((key) => key.startsWith(`${contract.type}@`))
          .map((key) => `v${key.split('@')[1]}`);
        const only = versions.length > 0 ? ` (published: ${versions.join(', ')} only)` : '';
        problems.push(`${service} reads ${label(contract)}, which no service publishes${only}`);
      }
      for (const field of fields) {
        const problem = readProblem(contract, field);
        if (problem) problems.push(`${service} reads ${label(contract)} field ${field}: ${problem}`);
      }
    }
  }
  return problems;
}
