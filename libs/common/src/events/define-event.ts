import type { z } from 'zod';

/**
 * How an event of a contract orders against the other events of its aggregate, in every consumer
 * (`messaging/aggregate-order.ts` applies it):
 * - `state`: carries the aggregate's state as its consumers copy it (a snapshot). Applied only when
 *   newer than every `state` or `end` event of the aggregate already applied; an older one is skipped.
 * - `end`: the aggregate is gone (a delete). Like `state`, and afterwards every older event of the
 *   aggregate, of any kind, is skipped: an update or a creation arriving late resurrects nothing.
 * - `once`: a one-off effect (a registration, a confirmation) that must happen whatever order it
 *   arrives in, unless the aggregate already ended. It must not write what `state` events carry.
 */
export type AggregateEffect = 'state' | 'end' | 'once';

/** Which aggregate an event is about; the outbox adds the version when it stores the event. */
export interface AggregateKey {
  type: string;
  id: string;
}

export interface AggregateSpec<D = unknown> {
  effect: AggregateEffect;
  /** The aggregate an event is about, from its data. */
  of(data: D): AggregateKey;
}

export interface EventContract<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  version: number;
  schema: S;
  /** Topic routing key, e.g. `club.updated.v1` for ClubUpdated version 1. */
  routingKey: string;
  /**
   * Set for events about one aggregate (a club, an account): the outbox numbers them per aggregate in
   * the producing transaction, and consumers never let an older one overwrite a newer one.
   */
  aggregate?: AggregateSpec<z.output<S>>;
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
  options: { aggregate?: AggregateSpec<z.output<S>>; carriesSecret?: boolean } = {},
): EventContract<T, S> {
  return {
    type,
    version,
    schema,
    routingKey: routingKeyOf(type, version),
    ...(options.aggregate ? { aggregate: options.aggregate } : {}),
    carriesSecret: options.carriesSecret ?? false,
  };
}

export const routingKeyOf = (type: string, version: number) =>
  `${type.replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase()}.v${version}`;
