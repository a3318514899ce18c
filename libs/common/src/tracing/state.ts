import type { Tracer } from '@opentelemetry/api';

// Set by `startTracing` only. Everything else asks `tracer()` first: undefined means tracing is off,
// and the code around our boundaries does nothing more than that one test.
let active: Tracer | undefined;

export const tracer = (): Tracer | undefined => active;
export const tracingOn = (): boolean => active !== undefined;
export const setTracer = (value: Tracer | undefined) => {
  active = value;
};
