import { type MembershipStatus, membershipStatuses } from '@sproul/common/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allowedMoves,
  type ClubTerms,
  clubAllows,
  type From,
  type Move,
  membershipMoves,
} from '../src/domain/membership-moves.js';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';

// Walks the move table itself: every move is made by its side through the API and refused to every
// other caller, so a move added to the table is tested without a line here changing.

const byApplication: ClubTerms = { accepting: true, applicationRequired: true };
const direct: ClubTerms = { accepting: true, applicationRequired: false };

/** The moves a caller makes (the platform's follow the officer's accept in the same transaction). */
const callerMoves = membershipMoves.filter((move) => move.by !== 'platform');

/** Where a status settles: an accepted student is a member at once. */
const settled = (to: MembershipStatus) =>
  membershipMoves.find((move) => move.from === to && move.by === 'platform')?.to ?? to;

/** The shortest list of caller moves from no record to `target`, in a club of these terms. */
function pathTo(target: From, terms: ClubTerms): Move[] {
  const queue: { at: From; path: Move[] }[] = [{ at: 'none', path: [] }];
  const seen = new Set<From>(['none']);
  while (queue.length > 0) {
    const { at, path } = queue.shift() as { at: From; path: Move[] };
    if (at === target) return path;
    for (const move of callerMoves.filter((m) => m.from === at && clubAllows(m.when, terms))) {
      const next = settled(move.to);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push({ at: next, path: [...path, move] });
      }
    }
  }
  throw new Error(`${target} cannot be reached`);
}

/** A status a membership can rest at (accepted never does). */
const restingStatuses = membershipStatuses.filter((status) => settled(status) === status);

describe('the membership state machine, move by move', () => {
  let e: EngagementHarness;
  const clubs: Record<'application' | 'direct', { linkName: string; owner: string; terms: ClubTerms }> =
    {} as never;
  beforeAll(async () => {
    e = await startEngagement();
    const a = await e.addClub('by-application', byApplication);
    const d = await e.addClub('direct-join', direct);
    clubs.application = { linkName: a.linkName, owner: a.owner, terms: byApplication };
    clubs.direct = { linkName: d.linkName, owner: d.owner, terms: direct };
  }, 60_000);
  afterAll(() => e?.close());

  const clubFor = (move: Move) => (move.when === 'directly' ? clubs.direct : clubs.application);

  /** Makes a move through the API as its side: joining by the application route, the rest by status. */
  const joins = (move: Pick<Move, 'from' | 'to' | 'by'>) =>
    move.by === 'student' && (move.to === 'applied' || move.to === 'member') && move.from !== 'alumni';

  async function make(
    club: (typeof clubs)['application'],
    student: { token: string },
    membershipId: string | undefined,
    move: Pick<Move, 'from' | 'to' | 'by'>,
  ) {
    const token = move.by === 'student' ? student.token : club.owner;
    if (joins(move)) {
      return e.join(club.linkName, token);
    }
    return e.move(club.linkName, membershipId as string, token, move.to);
  }

  /** A new student whose membership of the club is at `status`. */
  async function studentAt(club: (typeof clubs)['application'], status: From) {
    const student = await e.addStudent();
    let id: string | undefined;
    for (const step of pathTo(status, club.terms)) {
      const answer = await make(club, student, id, step);
      expect(answer.status, `${step.from} → ${step.to}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      id = answer.body.id;
    }
    return { student, id };
  }

  for (const move of callerMoves) {
    it(`${move.by} moves ${move.from} → ${move.to}${move.when ? ` (club taking members ${move.when})` : ''}`, async () => {
      const club = clubFor(move);
      const { student, id } = await studentAt(club, move.from);
      const answer = await make(club, student, id, move);
      expect(answer.status, JSON.stringify(answer.body)).toBe(joins(move) ? 201 : 200);
      expect(answer.body.status).toBe(settled(move.to));
      const last = answer.body.history.at(-1);
      if (settled(move.to) !== move.to) {
        // The officer's accept and the platform's membership, both recorded.
        expect(answer.body.history.slice(-2)).toMatchObject([
          { from: move.from, to: move.to, by: move.by },
          { from: move.to, to: settled(move.to), by: 'platform' },
        ]);
      } else {
        expect(last).toMatchObject({
          from: move.from === 'none' ? null : move.from,
          to: move.to,
          by: move.by,
        });
      }
      const changed = e
        .published<{ membershipId: string; status: string; movedBy: string }>('MembershipChanged')
        .filter((event) => event.membershipId === answer.body.id);
      expect(changed.at(-1)).toMatchObject({ status: settled(move.to) });
    });
  }

  for (const club of ['application', 'direct'] as const) {
    for (const status of restingStatuses) {
      it(`refuses every other move from ${status} (club joined ${club === 'direct' ? 'directly' : 'by application'}), naming the allowed ones`, async () => {
        const c = clubs[club];
        let at: Awaited<ReturnType<typeof studentAt>>;
        try {
          at = await studentAt(c, status);
        } catch {
          return; // not reachable in a club of these terms
        }
        for (const side of ['student', 'officer'] as const) {
          const allowed = allowedMoves(status, side, c.terms);
          // The status route leaves joining again to the application route.
          const here = allowed.filter((to) => side !== 'student' || (to !== 'applied' && to !== 'member'));
          for (const to of membershipStatuses.filter((s) => !here.includes(s))) {
            const token = side === 'student' ? at.student.token : c.owner;
            const answer = await e.move(c.linkName, at.id as string, token, to);
            expect(answer.status, `${side} ${status} → ${to}`).toBe(409);
            expect(answer.body).toMatchObject({ status: 'error', data: { status, allowed: here } });
          }
        }
        const view = await e.get(`/api/clubs/${c.linkName}/members/${at.id}`, at.student.token);
        expect(view.body.status).toBe(status);
      });
    }
  }

  it('refuses joining twice, and joining a club that is not taking members (409)', async () => {
    const { student } = await studentAt(clubs.application, 'applied');
    const again = await e.join(clubs.application.linkName, student.token);
    expect(again).toMatchObject({
      status: 409,
      body: { data: { status: 'applied', allowed: ['withdrawn'] } },
    });
    const closed = await e.addClub('closed-club', { accepting: false });
    const refused = await e.join(closed.linkName, student.token);
    expect(refused).toMatchObject({ status: 409, body: { status: 'error', reason: expect.any(String) } });
  });

  it('lets exactly one of two concurrent moves of one membership apply', async () => {
    const { id } = await studentAt(clubs.application, 'interview');
    const answers = await Promise.all([
      e.move(clubs.application.linkName, id as string, clubs.application.owner, 'accepted'),
      e.move(clubs.application.linkName, id as string, clubs.application.owner, 'rejected'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});
