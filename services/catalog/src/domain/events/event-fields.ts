import type { ClubEvent, ClubEventKind, NewClubEvent } from '../../data-access/club-event-repository.js';

/** An event or recruiting event in upstream's field names; dates are ISO 8601 with an offset. */
export interface EventFields {
  name: string;
  description: string;
  invite_only: boolean;
  event_start: string;
  event_end: string;
  link: string | null;
  links: string[];
  virtual_link: string | null;
  location: string;
  tags: number[];
}

/** What the club's ClubUpdated names for each list. */
export const LIST_FIELD = { event: 'events', recruiting: 'recruiting_events' } as const;

export const EVENT_NAME: Record<ClubEventKind, string> = { event: 'event', recruiting: 'recruiting event' };

export function toColumns(fields: Partial<EventFields>): Partial<NewClubEvent> {
  const columns: Partial<NewClubEvent> = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.invite_only !== undefined) columns.inviteOnly = fields.invite_only;
  if (fields.event_start !== undefined) columns.eventStart = new Date(fields.event_start);
  if (fields.event_end !== undefined) columns.eventEnd = new Date(fields.event_end);
  if (fields.link !== undefined) columns.link = fields.link;
  if (fields.links !== undefined) columns.links = fields.links;
  if (fields.virtual_link !== undefined) columns.virtualLink = fields.virtual_link;
  if (fields.location !== undefined) columns.location = fields.location;
  if (fields.tags !== undefined) columns.tags = fields.tags;
  return columns;
}

const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : JSON.stringify(value));

export function eventDiffers(before: ClubEvent, columns: Partial<NewClubEvent>) {
  return Object.entries(columns).some(
    ([column, value]) => comparable(value) !== comparable(before[column as keyof ClubEvent]),
  );
}
