import { type Agent, request } from 'undici';
import { currentContext } from '../context/request-context.js';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '../http/request-id.js';
import { startClientSpan } from '../tracing/http-spans.js';
import type { InternalResponse } from './internal-client.js';
import { UpstreamFailure } from './upstream-failure.js';

/** One attempt of a call, carrying the request and correlation ids; a 5xx or no connection is an UpstreamFailure. */
export async function sendRequest<T>(
  agent: Agent,
  service: string,
  url: URL,
  method: string,
  body: unknown,
  signal: AbortSignal,
): Promise<InternalResponse<T>> {
  const context = currentContext();
  const span = startClientSpan(service, method, url);
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, {
      method: method as 'GET',
      dispatcher: agent,
      signal,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(context
          ? { [REQUEST_ID_HEADER]: context.requestId, [CORRELATION_ID_HEADER]: context.correlationId }
          : {}),
        ...span?.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    span?.end(undefined, error);
    if (signal.aborted) throw error;
    throw new UpstreamFailure(`${service} unreachable: ${(error as Error).message}`);
  }
  span?.end(response.statusCode);
  const text = await response.body.text();
  if (response.statusCode >= 500) throw new UpstreamFailure(`${service} answered ${response.statusCode}`);
  return { status: response.statusCode, body: (text ? JSON.parse(text) : null) as T };
}
