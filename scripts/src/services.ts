import { authService } from '@sproul/auth';
import { catalogService } from '@sproul/catalog';
import type { CommonConfig } from '@sproul/common/config';
import type { ServiceDefinition } from '@sproul/common/service';
import { engagementService } from '@sproul/engagement';
import { mailerService } from '@sproul/mailer';
import { mediaService } from '@sproul/media';
import { monitorService } from '@sproul/monitor';
import { recommenderService } from '@sproul/recommender';

/** Every service behind the gateway, with its port in `npm run stack` (the gateway's is 8080). */
export const services: {
  name: string;
  stackPort: number;
  // biome-ignore lint/suspicious/noExplicitAny: each service has its own config and context
  definition: ServiceDefinition<CommonConfig & any, any>;
}[] = [
  // In start order for the embedded mode: a service is told the URLs of those before it, so the
  // recommender precedes the catalog (which asks it for similar clubs) and sees its first ClubCreated;
  // so do media (it keeps which officer may upload to which club) and engagement.
  { name: 'auth', stackPort: 8081, definition: authService },
  { name: 'recommender', stackPort: 8085, definition: recommenderService },
  { name: 'media', stackPort: 8083, definition: mediaService },
  // After auth (token keys) and media (applicants' résumé links), before the catalog: it keeps a copy
  // of the clubs, so it must be listening when the catalog announces its first (the demo clubs).
  { name: 'engagement', stackPort: 8087, definition: engagementService },
  { name: 'catalog', stackPort: 8082, definition: catalogService },
  { name: 'mailer', stackPort: 8084, definition: mailerService },
  { name: 'monitor', stackPort: 8086, definition: monitorService },
];
