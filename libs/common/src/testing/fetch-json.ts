import type { ClientOptions, JsonAnswer, JsonRequest } from './json-exchange.js';

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
