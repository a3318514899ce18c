import { Gauge, type Registry } from 'prom-client';

/**
 * `service_info{version} 1`: the version each replica runs, so a dashboard shows a deploy in progress
 * (two versions at once) and a query can join it onto any other series by `service`.
 */
export function registerServiceInfo(registry: Registry, version: string) {
  const info = new Gauge({
    name: 'service_info',
    help: 'The running version of the service (always 1)',
    labelNames: ['version'] as const,
    registers: [registry],
  });
  info.set({ version }, 1);
}
