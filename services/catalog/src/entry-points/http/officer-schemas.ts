import { z } from 'zod';
import { text } from './officer-field-rules.js';
import { webLink } from './web-link.js';

// The bodies of the officer's small lists (resources, FAQ; the gallery is the media service's); the profile's are in
// officer-profile-schemas.ts, the events' in officer-event-schemas.ts.

export const resourceBody = z.strictObject({ name: text(100), link: webLink() });
/** Upstream assigns only the keys that are not null. */
export const resourceEditBody = z.strictObject({
  name: text(100).nullish(),
  link: webLink().nullish(),
});

export const faqBody = z.strictObject({ question: text(200), answer: text(500) });
export const faqEditBody = z.strictObject({ question: text(200).optional(), answer: text(500).optional() });

/** `:id` in paths: bounded, so a hostile path is a plain 4xx; what it names is the domain's business. */
export const itemIdParams = z.object({ id: z.string().min(1).max(200) });
