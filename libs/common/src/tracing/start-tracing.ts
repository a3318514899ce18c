import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { samplerFromEnv } from './sampler-from-env.js';
import { setTracer } from './state.js';

export interface TracingOptions {
  /** The `service.name` of this process's spans (`OTEL_SERVICE_NAME` wins). */
  service: string;
  /** Tests: spans go here (synchronously) instead of to an OTLP endpoint. */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

export interface Tracing {
  /** Exports what is buffered; resolves when sent. */
  flush(): Promise<void>;
  /** Flushes, then turns tracing off for the process. */
  shutdown(): Promise<void>;
}

/**
 * Turns tracing on for this process when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, or a test gives an exporter; otherwise resolves
 * undefined having loaded nothing: the SDK is imported here, on demand, and the rest of the code only
 * touches @opentelemetry/api, whose calls are not made while `tracer()` is undefined. Once per process.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  const env = options.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!options.exporter && !endpoint) return undefined;
  const [sdk, { resourceFromAttributes }, { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  // The exporter reads the endpoint, headers and timeout from the same variables; it sends JSON.
  const exporter =
    options.exporter ?? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || options.service,
      ...(env.npm_package_version ? { [ATTR_SERVICE_VERSION]: env.npm_package_version } : {}),
    }),
    sampler: samplerFromEnv(sdk, env),
    spanProcessors: [
      // A test's exporter gets each span as it ends; the network one in batches (`OTEL_BSP_*`).
      options.exporter ? new sdk.SimpleSpanProcessor(exporter) : new sdk.BatchSpanProcessor(exporter),
    ],
  });
  // W3C trace context and AsyncLocalStorage for the active span.
  provider.register();
  setTracer(provider.getTracer('sproul'));
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      setTracer(undefined);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
