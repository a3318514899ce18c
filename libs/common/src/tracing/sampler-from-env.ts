import type { Sampler } from '@opentelemetry/sdk-trace-base';

type Samplers = typeof import('@opentelemetry/sdk-trace-node');

/**
 * `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG` as the specification names them. Unset, it is
 * `parentbased_traceidratio` at the ratio given (1.0 without one): a service keeps a trace its caller
 * kept, and starts new ones at the ratio.
 */
export function samplerFromEnv(sdk: Samplers, env: NodeJS.ProcessEnv): Sampler {
  const name = (env.OTEL_TRACES_SAMPLER ?? 'parentbased_traceidratio').trim().toLowerCase();
  const arg = Number(env.OTEL_TRACES_SAMPLER_ARG ?? 1);
  const ratio = Number.isFinite(arg) && arg >= 0 && arg <= 1 ? arg : 1;
  const parentBased = (root: Sampler) => new sdk.ParentBasedSampler({ root });
  switch (name) {
    case 'always_on':
      return new sdk.AlwaysOnSampler();
    case 'always_off':
      return new sdk.AlwaysOffSampler();
    case 'traceidratio':
      return new sdk.TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return parentBased(new sdk.AlwaysOnSampler());
    case 'parentbased_always_off':
      return parentBased(new sdk.AlwaysOffSampler());
    default:
      return parentBased(new sdk.TraceIdRatioBasedSampler(ratio));
  }
}
