import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authService } from '../services/auth/src/service.js';
import { catalogService } from '../services/catalog/src/service.js';
import { engagementService } from '../services/engagement/src/service.js';
import { gatewayVersion } from '../services/gateway/src/version.js';
import { mailerService } from '../services/mailer/src/service.js';
import { mediaService } from '../services/media/src/service.js';
import { monitorService } from '../services/monitor/src/service.js';
import { recommenderService } from '../services/recommender/src/service.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageVersionOf = (service: string) =>
  JSON.parse(readFileSync(path.join(root, 'services', service, 'package.json'), 'utf8')).version;

/** Each service is deployed on its own and says which version it runs (`/healthz`, `service_info`). */
describe('service versions', () => {
  it('are each service’s own package.json version', () => {
    const running: Record<string, string> = {
      gateway: gatewayVersion,
      auth: authService.version,
      catalog: catalogService.version,
      engagement: engagementService.version,
      mailer: mailerService.version,
      media: mediaService.version,
      monitor: monitorService.version,
      recommender: recommenderService.version,
    };
    for (const [service, version] of Object.entries(running)) {
      expect(version, service).toBe(packageVersionOf(service));
      expect(version, service).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    }
  });

  it('travel in the image: the Dockerfile copies the service’s package.json beside its dist/', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const service = '$' + '{SERVICE}';
    expect(dockerfile).toContain(`/app/services/${service}/package.json services/${service}/`);
    expect(dockerfile).toContain(`/app/services/${service}/dist services/${service}/dist`);
  });
});
