import type { ServerResponse } from 'node:http';
import { errorEnvelope, errorReportingActive, reportError } from '@sproul/common/errors';
import { withTraceId } from '@sproul/common/tracing';
import { writeAnswerHead } from './answer-head.js';
import { proxiedAnswer } from './proxied-answer.js';
import type { ServiceName } from './route-table.js';

// Connection errors that mean "nobody is listening" (503) rather than "answered badly" (502).
const DOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** The reasons of the gateway's own error answers for one service, built once. */
export const failureReasons = (service: ServiceName) => ({
  failedToAnswer: `The ${service} service failed to answer`,
  tooLate: `The ${service} service did not answer in time`,
  unavailable: `The ${service} service is unavailable`,
});

export type FailureReasons = ReturnType<typeof failureReasons>;

/** The status and reason answering a request the service could not be reached for, or did not answer. */
export function failureOf(
  error: Error,
  timedOut: boolean,
  reasons: FailureReasons,
): [status: number, reason: string] {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return DOWN.has(code)
    ? [503, reasons.unavailable]
    : timedOut || code === 'ETIMEDOUT'
      ? [504, reasons.tooLate]
      : [502, reasons.failedToAnswer];
}

/** Our JSON error answer, or a cut connection once part of an answer went out; true when answered. */
export function answerFailure(
  res: ServerResponse,
  status: number,
  reason: string,
  service: ServiceName,
): boolean {
  if (res.headersSent) {
    res.destroy();
    return false;
  }
  writeAnswerHead(
    res,
    status,
    { 'content-type': 'application/json; charset=utf-8' },
    proxiedAnswer(res).headers,
  );
  res.end(JSON.stringify(errorEnvelope(reason, withTraceId({ service }, res))));
  reportFailure(res, status, reason, service);
  return true;
}

// The gateway's own 5xx (a service down, failing or too slow) goes to Sentry like a service's 500 does.
function reportFailure(res: ServerResponse, status: number, reason: string, service: ServiceName) {
  if (!errorReportingActive()) return;
  reportError(new Error(reason), {
    service: 'gateway',
    status,
    requestId: proxiedAnswer(res).requestId,
    path: `(proxied to ${service})`,
  });
}
