import type { z } from 'zod';

export interface EventContract<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  version: number;
  schema: S;
  /** Topic routing key, e.g. `club.updated.v1` for ClubUpdated version 1. */
  routingKey: string;
  /**
   * Its data carries a secret (a single-use link, a token): the outbox relay deletes the row as soon as
   * it is sent instead of keeping it for inspection, and the broker keeps no unconsumed copy for long.
   */
  carriesSecret: boolean;
}

export type EventData<C extends EventContract> = z.output<C['schema']>;

export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  version: number,
  schema: S,
  options: { carriesSecret?: boolean } = {},
): EventContract<T, S> {
  return {
    type,
    version,
    schema,
    routingKey: routingKeyOf(type, version),
    carriesSecret: options.carriesSecret ?? false,
  };
}

export const routingKeyOf = (type: string, version: number) =>
  `${type.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase()}.v${version}`;
