import { messagingTables } from '@sproul/common/messaging';
import { pgSchema } from 'drizzle-orm/pg-core';

/** Every table of the mailer service lives in this PostgreSQL schema. */
export const schema = pgSchema('mailer');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);
