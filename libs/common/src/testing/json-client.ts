import { fetchJson } from './fetch-json.js';
import type { ClientOptions, JsonAnswer, JsonRequest } from './json-exchange.js';

export type JsonClient = (path: string, init?: JsonRequest) => Promise<JsonAnswer>;

/** `fetchJson` on one base URL: `client('/api/catalog/tags')`. */
export const jsonClient =
  (baseUrl: string, options: ClientOptions = {}): JsonClient =>
  (path, init) =>
    fetchJson(`${baseUrl}${path}`, init, options);
