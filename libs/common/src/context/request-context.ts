import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one request or one message through logs, outgoing calls and published events. */
export interface RequestContext {
  requestId: string;
  correlationId: string;
  traceId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runWithContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** Ids from the network are accepted only when they look like ids: they end up in logs and headers. */
export const acceptableId = (value: unknown): string | undefined =>
  typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;
