import type { z } from 'zod';
import type { CommonConfig } from './common-config.js';
import { loadConfig } from './load-config.js';

/**
 * A service's own settings (its schema, from the environment) under the common ones its composition
 * root already decided (port, database, bus), which win: in the embedded mode those differ from the env.
 */
export function serviceConfig<S extends z.ZodType<CommonConfig>>(
  schema: S,
  common: CommonConfig,
): z.output<S> {
  return { ...loadConfig(schema), ...common };
}
