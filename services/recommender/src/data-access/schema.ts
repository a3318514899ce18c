import { messagingTables } from '@sproul/common';
import { pgSchema } from 'drizzle-orm/pg-core';

/** Every table of the recommender service lives in this PostgreSQL schema. */
export const schema = pgSchema('recommender');

export const { outbox, inbox } = messagingTables(schema);
