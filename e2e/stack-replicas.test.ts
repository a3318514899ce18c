import { describe, expect, it } from 'vitest';
import { parseReplicas } from '../scripts/src/stack-replicas.js';

describe('npm run stack --replicas', () => {
  it('reads counts per service, one for the others', () => {
    const replicas = parseReplicas(['--replicas', 'catalog=3,mailer=2']);
    expect(replicas).toMatchObject({ catalog: 3, mailer: 2, auth: 1, gateway: 1 });
    expect(parseReplicas(['--replicas=gateway=2']).gateway).toBe(2);
    expect(parseReplicas([])).toMatchObject({ catalog: 1, gateway: 1 });
  });

  it('refuses unknown services, bad counts and a missing list, naming what is wrong', () => {
    expect(() => parseReplicas(['--replicas', 'catalogue=2'])).toThrow(/unknown service "catalogue"/);
    expect(() => parseReplicas(['--replicas', 'catalog=0'])).toThrow(/catalog needs a count/);
    expect(() => parseReplicas(['--replicas', 'catalog=x'])).toThrow(/catalog needs a count/);
    expect(() => parseReplicas(['--replicas'])).toThrow(/needs a list/);
  });
});
