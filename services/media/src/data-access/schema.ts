import { messagingTables } from '@sproul/common/messaging';
import { pgSchema } from 'drizzle-orm/pg-core';

/** Every table of the media service lives in this PostgreSQL schema. */
export const schema = pgSchema('media');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);
