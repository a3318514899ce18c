import { serviceNames } from './service-names.js';

/** How many instances of each service `npm run stack` runs (`--replicas catalog=3,mailer=2`); 1 otherwise. */
export type Replicas = Record<(typeof serviceNames)[number] | 'gateway', number>;

/**
 * Reads `--replicas a=n,b=m` (or `--replicas=a=n,…`) from the command line. The gateway's count is its
 * worker processes (one port, node:cluster), not separate gateways: those would need a front of their own.
 * Throws a message for the operator on anything else.
 */
export function parseReplicas(argv: readonly string[]): Replicas {
  const replicas = Object.fromEntries([...serviceNames, 'gateway'].map((name) => [name, 1])) as Replicas;
  const at = argv.findIndex((arg) => arg === '--replicas' || arg.startsWith('--replicas='));
  if (at < 0) return replicas;
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--replicas='.length) : argv[at + 1];
  if (!value) throw new Error('--replicas needs a list: --replicas catalog=3,mailer=2');
  for (const pair of value.split(',')) {
    const [name, count] = pair.split('=');
    if (!name || !(name in replicas)) {
      throw new Error(
        `--replicas: unknown service ${JSON.stringify(name)} (one of ${Object.keys(replicas).join(', ')})`,
      );
    }
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 9)
      throw new Error(`--replicas: ${name} needs a count from 1 to 9`);
    replicas[name as keyof Replicas] = n;
  }
  return replicas;
}
