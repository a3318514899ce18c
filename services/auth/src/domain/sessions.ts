import { type AccessClaims, denylistKeys } from '@sproul/common/auth';
import { AccountSignedInV1, makeEvent } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import type { SessionActing } from '../data-access/session-repository.js';
import { tokenRevoked } from '../errors.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';

/** Upstream's login answer, plus nothing: the web client reads exactly these four fields. */
export interface SessionTokens {
  access: string;
  access_expires_in: number;
  refresh: string;
  refresh_expires_in: number;
}

/**
 * Activity for the monitor ("active in the last 30 minutes"), in the session's transaction: the outbox
 * row goes with its COMMIT, so a sign-in pays no extra round trip for it.
 */
const signedIn = (account: Pick<Account, 'id' | 'role'>, via: 'sign-in' | 'refresh') =>
  makeEvent(AccountSignedInV1, { userId: account.id, role: account.role, via }, SOURCE);

/**
 * Which kind of sign-in opened a session. `officer`: the officer paths (`/api/user/login` with a
 * password or Basic, magic links, invitation acceptance, switch-club, and `/api/monitor/login`, whose
 * admins keep acting for the club they run as before). `student`: `/api/student/login` and campus sign-on.
 */
export type SignInPath = 'officer' | 'student';

/** An officer sign-in acts as an officer for officers and admins, and for any account that runs a club. */
async function actingOf(unit: Work, account: Account, path: SignInPath): Promise<SessionActing> {
  if (path === 'student') return 'self';
  if (account.role === 'officer' || account.role === 'admin') return 'officer';
  return (await unit.officers.defaultClub(account.id)) ? 'officer' : 'self';
}

/** The token's role: an officer session's is `officer` whatever the account's kind (an admin stays admin). */
const actingRole = (account: Account, acting: SessionActing) =>
  acting === 'officer' && account.role !== 'admin' ? 'officer' : account.role;

/** Whether an officer session may live on without a club: only for accounts that are officers or admins. */
const keepsOfficerSessionWithoutClub = (account: Account) =>
  account.role === 'officer' || account.role === 'admin';

/**
 * Opens a session (a refresh-token family) for an account that just proved who it is. An officer
 * session's tokens act for `club` when given, else for the club the account owns, else the one it
 * joined first, else none; a student session's (or one of an account running no club) act as the
 * account's own kind, for no club.
 */
export async function startSession(
  ctx: AuthContext,
  unit: Work,
  account: Account,
  path: SignInPath,
  club?: string,
): Promise<SessionTokens> {
  const { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_S } = ctx.config;
  const acting = await actingOf(unit, account, path);
  const clubId = acting === 'officer' ? (club ?? (await unit.officers.defaultClub(account.id))) : null;
  const sid = await unit.sessions.create(
    account.id,
    new Date(Date.now() + REFRESH_TOKEN_TTL_S * 1000),
    clubId,
    acting,
  );
  await unit.publish(signedIn(account, 'sign-in'));
  return {
    access: await ctx.tokens.access({ ...account, role: actingRole(account, acting), clubId }, sid),
    access_expires_in: ACCESS_TOKEN_TTL_S,
    refresh: await ctx.tokens.refresh(account.id, sid, 0),
    refresh_expires_in: REFRESH_TOKEN_TTL_S,
  };
}

/**
 * Trades a refresh token for a new access token and the next refresh token of the same family.
 * Clients that ignore the new refresh token (upstream's web client) keep presenting the first one,
 * which stays valid; but presenting a generation older than one already presented is reuse of a
 * stolen or leaked token, and ends the whole session.
 */
export async function refreshSession(ctx: AuthContext, refreshToken: string): Promise<SessionTokens> {
  const claims = await ctx.tokens.readRefresh(refreshToken);
  const { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_S } = ctx.config;
  const outcome = await ctx.transaction(async (unit) => {
    const session = await unit.sessions.lock(claims.sid);
    if (!session || session.revokedAt || session.accountId !== claims.sub)
      return { kind: 'revoked' } as const;
    if (claims.gen < session.highestPresented) {
      await unit.sessions.revoke(session.id, 'refresh-token-reuse');
      return { kind: 'reuse' } as const;
    }
    const account = await unit.accounts.findById(session.accountId);
    if (!account) return { kind: 'revoked' } as const;
    const clubId = session.actingAs === 'officer' ? await activeClub(unit, session) : null;
    if (session.actingAs === 'officer' && !clubId && !keepsOfficerSessionWithoutClub(account)) {
      // A student or member acted as an officer only for its clubs: with the last one gone the session
      // ends (the officer client signs in again; the student side has its own sign-in).
      await unit.sessions.revoke(session.id, 'no-club');
      return { kind: 'ended' } as const;
    }
    const generation = await unit.sessions.advance(
      session.id,
      claims.gen,
      new Date(Date.now() + REFRESH_TOKEN_TTL_S * 1000),
    );
    await unit.publish(signedIn(account, 'refresh'));
    return {
      kind: 'ok',
      tokens: {
        access: await ctx.tokens.access(
          { ...account, role: actingRole(account, session.actingAs), clubId },
          session.id,
        ),
        access_expires_in: ACCESS_TOKEN_TTL_S,
        refresh: await ctx.tokens.refresh(account.id, session.id, generation),
        refresh_expires_in: REFRESH_TOKEN_TTL_S,
      },
    } as const;
  });
  if (outcome.kind === 'reuse') {
    ctx.logger.warn({ sid: claims.sid, sub: claims.sub }, 'refresh token reused; session ended');
    await denySessions(ctx, [claims.sid]);
  }
  if (outcome.kind === 'ended') await denySessions(ctx, [claims.sid]);
  if (outcome.kind !== 'ok') throw tokenRevoked();
  return outcome.tokens;
}

/**
 * The club a refreshed officer session's token acts for: the session's, while the account is still one
 * of its officers; otherwise (removed, left, club deleted, or none yet) its default club, kept on the
 * session. Student sessions never get one.
 */
async function activeClub(unit: Work, session: { id: string; accountId: string; clubId: string | null }) {
  if (session.clubId && (await unit.officers.find(session.clubId, session.accountId))) return session.clubId;
  const clubId = await unit.officers.defaultClub(session.accountId);
  if (clubId !== session.clubId) await unit.sessions.setClub(session.id, clubId);
  return clubId;
}

/**
 * Makes a live session act for another club the account is an officer of (checked by the caller):
 * the next generation of its refresh token, and an access token with that `club`. Switching is an
 * officer sign-in: a student session of the account acts as an officer from then on.
 */
export async function switchSessionClub(
  ctx: AuthContext,
  unit: Work,
  account: Account,
  sid: string,
  clubId: string,
): Promise<SessionTokens | undefined> {
  const { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_S } = ctx.config;
  const session = await unit.sessions.lock(sid);
  if (!session || session.revokedAt || session.accountId !== account.id) return undefined;
  await unit.sessions.setClub(sid, clubId, 'officer');
  // Presenting nothing new: the refresh token the client holds stays valid beside the new one.
  const generation = await unit.sessions.advance(
    sid,
    session.highestPresented,
    new Date(Date.now() + REFRESH_TOKEN_TTL_S * 1000),
  );
  return {
    access: await ctx.tokens.access({ ...account, role: actingRole(account, 'officer'), clubId }, sid),
    access_expires_in: ACCESS_TOKEN_TTL_S,
    refresh: await ctx.tokens.refresh(account.id, sid, generation),
    refresh_expires_in: REFRESH_TOKEN_TTL_S,
  };
}

/**
 * A removed officer's access tokens acting for that club stop working everywhere at once: those issued
 * up to now are refused for as long as such a token can live (a later grant's new tokens work).
 */
export async function denyOfficer(ctx: AuthContext, removed: { accountId: string; clubId: string }[]) {
  const ttlMs = ctx.config.ACCESS_TOKEN_TTL_S * 1000;
  const now = String(Math.floor(Date.now() / 1000));
  await Promise.all(
    removed.map(({ accountId, clubId }) =>
      ctx.store.set(denylistKeys.officer(accountId, clubId), now, ttlMs),
    ),
  );
}

/** Revokes one access token until it would have expired anyway. */
export async function revokeAccessToken(ctx: AuthContext, claims: Pick<AccessClaims, 'jti' | 'exp'>) {
  const remainingMs = claims.exp * 1000 - Date.now();
  if (remainingMs > 0) await ctx.store.set(denylistKeys.token(claims.jti), 'revoked', remainingMs);
}

/** Ends the session a refresh token belongs to (logout): its refresh and access tokens stop working. */
export async function endSessionOf(ctx: AuthContext, refreshToken: string) {
  const claims = await ctx.tokens.readRefresh(refreshToken);
  const ended = await ctx.transaction(async (unit) => {
    const session = await unit.sessions.lock(claims.sid);
    if (!session || session.revokedAt || session.accountId !== claims.sub) return false;
    await unit.sessions.revoke(session.id, 'logout');
    return true;
  });
  if (!ended) throw tokenRevoked();
  await denySessions(ctx, [claims.sid]);
}

/**
 * Access tokens of ended sessions must stop working everywhere at once, not when they expire: their
 * session id goes on the shared denylist for as long as such a token can live.
 */
export async function denySessions(ctx: AuthContext, sids: string[]) {
  const ttlMs = ctx.config.ACCESS_TOKEN_TTL_S * 1000;
  await Promise.all(sids.map((sid) => ctx.store.set(denylistKeys.session(sid), 'ended', ttlMs)));
}
