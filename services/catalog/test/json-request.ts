/**
 * A request with any method and body (a value is sent as JSON, a string as it is, FormData as
 * multipart); answers status, body (parsed when JSON) and headers.
 */
export async function send(
  url: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const { body } = init;
  const isForm = body instanceof FormData;
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    redirect: 'manual',
    headers: {
      ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: body === undefined ? undefined : isForm || typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (response.headers.get('content-type')?.includes('json')) parsed = JSON.parse(text);
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of the answer freely.
  return { status: response.status, body: parsed as any, headers: response.headers };
}
