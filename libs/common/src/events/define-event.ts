import type { z } from 'zod';

export interface EventContract<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  version: number;
  schema: S;
  /** Topic routing key, e.g. `club.updated.v1` for ClubUpdated version 1. */
  routingKey: string;
}

export type EventData<C extends EventContract> = z.output<C['schema']>;

export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  version: number,
  schema: S,
): EventContract<T, S> {
  return { type, version, schema, routingKey: routingKeyOf(type, version) };
}

export const routingKeyOf = (type: string, version: number) =>
  `${type.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase()}.v${version}`;
