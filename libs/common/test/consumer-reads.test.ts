import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractBreaks, readProblem, reads, type ServiceEvents } from '../src/events/consumer-reads.js';
import { defineEvent } from '../src/events/define-event.js';

const club = z.object({ name: z.string(), link_name: z.string(), tags: z.array(z.number()) });
const ClubSavedV1 = defineEvent(
  'ClubSaved',
  1,
  z.object({
    clubId: z.string(),
    club,
    owners: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
    previous: z.string().optional(),
    caption: z.string().default(''),
  }),
);
// The same event after a producer's careless edit: link_name renamed, clubId made optional.
const ClubSavedV1Edited = defineEvent(
  'ClubSaved',
  1,
  z.object({
    clubId: z.string().optional(),
    club: club.omit({ link_name: true }).extend({ slug: z.string() }),
    owners: z.array(z.object({ email: z.string() })),
  }),
);
const ClubSavedV2 = defineEvent('ClubSaved', 2, z.object({ clubId: z.string() }));
const PingedV1 = defineEvent(
  'Pinged',
  1,
  z.union([z.object({ kind: z.literal('a'), at: z.string() }), z.object({ kind: z.literal('b') })]),
);

describe('a consumer’s declared reads against a producer’s schema', () => {
  it('accepts required fields, nested paths, array elements and defaulted fields', () => {
    for (const path of ['clubId', 'club.link_name', 'club.tags', 'owners[].email', 'caption', 'kind'])
      expect(readProblem(path === 'kind' ? PingedV1 : ClubSavedV1, path), path).toBeUndefined();
  });

  it('names a missing field, and one the producer may leave out that the consumer reads as required', () => {
    expect(readProblem(ClubSavedV1, 'club.slug')).toBe('club.slug does not exist');
    expect(readProblem(ClubSavedV1, 'previous')).toMatch(/^previous is optional or nullable/);
    expect(readProblem(ClubSavedV1, 'previous?')).toBeUndefined();
    expect(readProblem(ClubSavedV1, 'owners[].name')).toBe(
      'owners.name is optional or nullable (read it as `owners[].name?`)',
    );
    expect(readProblem(ClubSavedV1, 'owners[].name?')).toBeUndefined();
    expect(readProblem(ClubSavedV1, 'club[].name')).toBe('club is not an array');
    expect(readProblem(PingedV1, 'at')).toBe('at is not in every form of the data');
    expect(readProblem(PingedV1, 'at?')).toBeUndefined();
  });

  it('fails, naming consumer, event and field, when a producer renames, drops or loosens a field', () => {
    const consumer = {
      service: 'engagement',
      publishes: [],
      reads: [reads(ClubSavedV1Edited, ['clubId', 'club.link_name', 'owners[].email'])],
    };
    expect(
      contractBreaks([{ service: 'catalog', publishes: [ClubSavedV1Edited], reads: [] }, consumer]),
    ).toEqual([
      'engagement reads ClubSaved v1 field clubId: clubId is optional or nullable (read it as `clubId?`)',
      'engagement reads ClubSaved v1 field club.link_name: club.link_name does not exist',
    ]);
  });

  it('fails when a consumer reads a version no service publishes any more, unless the type is external', () => {
    const monitor: ServiceEvents = {
      service: 'monitor',
      publishes: [],
      reads: [reads(ClubSavedV1, ['clubId']), reads(PingedV1, [])],
    };
    const services: ServiceEvents[] = [{ service: 'catalog', publishes: [ClubSavedV2], reads: [] }, monitor];
    expect(contractBreaks(services)).toEqual([
      'monitor reads ClubSaved v1, which no service publishes (published: v2 only)',
      'monitor reads Pinged v1, which no service publishes',
    ]);
    expect(contractBreaks(services, { external: ['Pinged'] })).toHaveLength(1);
    expect(
      contractBreaks([{ service: 'catalog', publishes: [ClubSavedV1, ClubSavedV2], reads: [] }, monitor], {
        external: ['Pinged'],
      }),
    ).toEqual([]);
  });
});
