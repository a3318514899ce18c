// The catalog's tables, one file per area under tables/; drizzle-kit (drizzle.config.ts) reads this file.
export * from './tables/cancelled-club-events.js';
export * from './tables/catalog-schema.js';
export * from './tables/club-events.js';
export * from './tables/club-faq.js';
export * from './tables/club-gallery-media.js';
export * from './tables/club-resources.js';
export * from './tables/club-search.js';
export * from './tables/clubs.js';
export * from './tables/metadata.js';
export * from './tables/students.js';
