import { messagingTables } from '@sproul/common/messaging';
import { pgSchema, serial, text, uuid } from 'drizzle-orm/pg-core';

/** A producer's state (orders), its outbox, and a consumer's inbox and effects. */
export const schema = pgSchema('bench');
export const { outbox, inbox } = messagingTables(schema);
export const orders = schema.table('orders', {
  id: serial('id').primaryKey(),
  label: text('label').notNull(),
});
export const effects = schema.table('effects', {
  id: serial('id').primaryKey(),
  eventId: uuid('event_id').notNull(),
});
