import type { MembershipStatus } from '@sproul/common/events';

/**
 * The membership state machine, as one table: every move a membership can make, and who may make it.
 * Nothing else decides whether a move is allowed; the tests walk this table, so a new row is tested.
 *
 * `none` is "no record yet". A move with `when` also needs the club to be in that state.
 */
export type Side = 'student' | 'officer' | 'platform';
export type From = MembershipStatus | 'none';
/** What the club must be for a move: taking members by application, or directly, or at all. */
export type ClubCondition = 'by-application' | 'directly';

export interface Move {
  from: From;
  to: MembershipStatus;
  by: Side;
  when?: ClubCondition;
}

export interface ClubTerms {
  accepting: boolean;
  applicationRequired: boolean;
}

const officer = (from: From, ...to: MembershipStatus[]): Move[] =>
  to.map((t) => ({ from, to: t, by: 'officer' }));
const student = (from: From, ...to: MembershipStatus[]): Move[] =>
  to.map((t) => ({ from, to: t, by: 'student' }));

export const membershipMoves: readonly Move[] = [
  // Joining: an application where the club asks for one, else straight in.
  { from: 'none', to: 'applied', by: 'student', when: 'by-application' },
  { from: 'none', to: 'member', by: 'student', when: 'directly' },
  // The club's review.
  ...officer('applied', 'under_review', 'interview', 'accepted', 'rejected'),
  ...officer('under_review', 'interview', 'accepted', 'rejected'),
  ...officer('interview', 'accepted', 'rejected'),
  // An accepted student IS a member: the platform makes this move in the officer's transaction.
  { from: 'accepted', to: 'member', by: 'platform' },
  ...officer('member', 'alumni', 'removed'),
  ...student('member', 'alumni', 'withdrawn'),
  ...officer('alumni', 'member'),
  ...student('applied', 'withdrawn'),
  ...student('under_review', 'withdrawn'),
  ...student('interview', 'withdrawn'),
  // Coming back: a new application (new answers), or straight in where the club asks for none.
  { from: 'withdrawn', to: 'applied', by: 'student', when: 'by-application' },
  { from: 'rejected', to: 'applied', by: 'student', when: 'by-application' },
  { from: 'withdrawn', to: 'member', by: 'student', when: 'directly' },
];

/** Whether a club in these terms allows a move's condition. */
export function clubAllows(condition: ClubCondition | undefined, club: ClubTerms): boolean {
  if (condition === undefined) return true;
  if (!club.accepting) return false;
  return condition === 'by-application' ? club.applicationRequired : !club.applicationRequired;
}

/** The statuses `side` may move a membership to from `from`, given the club's terms. */
export function allowedMoves(from: From, side: Side, club: ClubTerms): MembershipStatus[] {
  return membershipMoves
    .filter((move) => move.from === from && move.by === side && clubAllows(move.when, club))
    .map((move) => move.to);
}

/** The move from `from` to `to` by `side`, if the table has it and the club allows it. */
export function findMove(from: From, to: MembershipStatus, side: Side, club: ClubTerms): Move | undefined {
  return membershipMoves.find(
    (move) => move.from === from && move.to === to && move.by === side && clubAllows(move.when, club),
  );
}

/** Moves the platform makes right after another, in the same transaction (accepted → member). */
export function followUp(to: MembershipStatus): Move | undefined {
  return membershipMoves.find((move) => move.from === to && move.by === 'platform');
}

/** Where a student joining `club` ends up: an application, or a membership straight away. */
export const joinStatus = (club: ClubTerms): MembershipStatus =>
  club.applicationRequired ? 'applied' : 'member';
