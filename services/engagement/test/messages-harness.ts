import { BulkEmailProgressedV1, type BulkEmailRequestedV1, type EventData } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { expect } from 'vitest';
import type { EngagementHarness } from './engagement-harness.js';

export type BulkRequest = EventData<typeof BulkEmailRequestedV1>;
type Outcome = EventData<typeof BulkEmailProgressedV1>['outcomes'][number];

/** A club with people at these statuses (each a student with this year and major), moved by its owner. */
export async function clubWithPeople(
  e: EngagementHarness,
  linkName: string,
  people: {
    name: string;
    status: 'applied' | 'interview' | 'member' | 'alumni';
    year?: number;
    major?: number;
  }[],
) {
  const club = await e.addClub(linkName);
  const students = [];
  for (const person of people) {
    const student = await e.addStudent(person.name, { year: person.year ?? 2, majors: [person.major ?? 7] });
    const id = (await e.join(club.linkName, student.token)).body.id as string;
    const path = {
      applied: [],
      interview: ['interview'],
      member: ['accepted'],
      alumni: ['accepted', 'alumni'],
    };
    for (const status of path[person.status])
      expect((await e.move(club.linkName, id, club.owner, status)).status).toBe(200);
    students.push({ ...student, membershipId: id, status: person.status });
  }
  return { ...club, students };
}

/** Message helpers on an engagement harness: send, read, and the mailer's side of the bus. */
export const messagesOn = (e: EngagementHarness) => {
  const helpers = {
    send: (linkName: string, token: string | undefined, body: unknown) =>
      e.client(`/api/clubs/${linkName}/messages`, { method: 'POST', token, body }),
    list: (linkName: string, token?: string) => e.get(`/api/clubs/${linkName}/messages`, token),
    one: (linkName: string, id: string, token?: string) =>
      e.get(`/api/clubs/${linkName}/messages/${id}`, token),
    /** The BulkEmailRequested engagement published for a message (after its outbox relayed it). */
    requested: (bulkId: string) =>
      eventually(() =>
        e.published<BulkRequest>('BulkEmailRequested').find((request) => request.bulkId === bulkId),
      ),
    /** Publishes the mailer's report of these outcomes, `copies` times (a redelivery). */
    async progress(bulkId: string, clubId: string, outcomes: Outcome[], copies = 1) {
      for (let i = 0; i < copies; i++)
        await e.emit(BulkEmailProgressedV1, { bulkId, clubId, outcomes }, 'mailer');
    },
  };
  return helpers;
};
