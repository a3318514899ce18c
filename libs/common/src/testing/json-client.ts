export interface JsonRequest {
  method?: string;
  /** A value is sent as JSON, a string as it is (or as a JSON string, see `stringsAs`), FormData as multipart. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  /** Parsed when the answer is JSON, else the text. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of the answer freely.
  body: any;
}

interface ClientOptions {
  /** `json`: a string body is sent JSON-encoded, as a web client's `JSON.stringify` would. Default `raw`. */
  stringsAs?: 'raw' | 'json';
}

/** One request as a web client makes it: JSON bodies, a bearer token, redirects not followed. */
export async function fetchJson(url: string, init: JsonRequest = {}, options: ClientOptions = {}) {
  const { body } = init;
  const isForm = body instanceof FormData;
  const raw = isForm || (typeof body === 'string' && options.stringsAs !== 'json');
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    redirect: 'manual',
    headers: {
      ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: body === undefined ? undefined : raw ? (body as string | FormData) : JSON.stringify(body),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') && text !== '';
  const answer: JsonAnswer = {
    status: response.status,
    headers: response.headers,
    body: json ? JSON.parse(text) : text,
  };
  return answer;
}

export type JsonClient = (path: string, init?: JsonRequest) => Promise<JsonAnswer>;

/** `fetchJson` on one base URL: `client('/api/catalog/tags')`. */
export const jsonClient =
  (baseUrl: string, options: ClientOptions = {}): JsonClient =>
  (path, init) =>
    fetchJson(`${baseUrl}${path}`, init, options);
