export { configSchema } from './config.js';
export { type DemoClubSummary, findDemoClub } from './seed/find-demo-club.js';
export { seedCatalog } from './seed/seed-demo-catalog.js';
export { catalogService } from './service.js';
