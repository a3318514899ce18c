import { type BulkEmailField, bulkEmailFields } from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import { unknownPlaceholders } from '../../errors.js';
import type { ClubPerson } from '../roster/select-people.js';

// Anything between double braces is a placeholder, so `{{First Name}}` is refused rather than sent
// as an empty gap (the mailer fills only bulkEmailFields, and anything else with nothing).
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const known = new Set<string>(bulkEmailFields);

/** Refuses (400) a subject or body naming a placeholder that is not a bulk email field. */
export function checkPlaceholders(...texts: string[]) {
  const unknown = new Set<string>();
  for (const text of texts) {
    for (const [, name] of text.matchAll(PLACEHOLDER))
      if (!known.has(name as string)) unknown.add(name as string);
  }
  if (unknown.size > 0) throw unknownPlaceholders([...unknown], bulkEmailFields);
}

/** A club's page on the web front end: a message's `{{club_url}}`. */
export const clubPageUrl = (frontendBaseUrl: string, club: Club) =>
  new URL(`/club/${encodeURIComponent(club.linkName)}`, frontendBaseUrl).href;

const clip = (text: string) => text.slice(0, 500);

/** What one recipient's `{{field}}`s become (a field the copy lacks, such as a name, is left out). */
export function fieldsOf(person: ClubPerson & { email: string }, club: Club, clubUrl: string) {
  const fields: Partial<Record<BulkEmailField, string>> = {
    email: person.email,
    status: person.status,
    club_name: clip(club.name),
    club_url: clip(clubUrl),
  };
  const name = person.name?.trim();
  if (name) {
    fields.name = clip(name);
    fields.first_name = clip(name.split(/\s+/)[0] as string);
  }
  return fields;
}
