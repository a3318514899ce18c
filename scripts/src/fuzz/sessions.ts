import type { FuzzAnswer, FuzzRequest, FuzzRoute, Identity } from '@sproul/common/testing';
import { eventually, jsonClient } from '@sproul/common/testing';

type Role = 'student' | 'officer' | 'admin';
interface Tokens {
  access: string;
  refresh: string;
}

const SIGN_IN: Record<Role, string> = {
  admin: '/api/monitor/login',
  officer: '/api/user/login',
  student: '/api/student/login',
};
/** A read each role may make: 200 while its session lives. */
const PROBE: Record<Role, string> = {
  admin: '/api/monitor/roles',
  officer: '/api/admin/profile',
  student: '/api/student/profile',
};
const isRole = (identity: Identity): identity is Role => ['student', 'officer', 'admin'].includes(identity);

/**
 * The fuzzer's sessions, one per role, renewed when a fuzzed request ended one (a revoke, a refresh that
 * rotated the refresh token, a role change), and the tokens that must be refused: expired, and garbage
 * of several shapes (taken in turn).
 */
export async function fuzzSessions(
  baseUrl: string,
  accounts: Record<Role, { email: string; password: string }>,
  expire: (token: string) => Promise<string>,
) {
  const api = jsonClient(baseUrl);
  const signIn = (role: Role) =>
    eventually(async () => {
      const { email, password } = accounts[role];
      const answer = await api(SIGN_IN[role], { body: { email, password } });
      return answer.status === 200 ? (answer.body as Tokens) : undefined;
    }, 60_000);
  const tokens: Record<Role, Tokens> = {
    admin: await signIn('admin'),
    officer: await signIn('officer'),
    student: await signIn('student'),
  };
  const expired = await expire(tokens.admin.access);
  const [header, payload] = tokens.officer.access.split('.');
  const garbage = [
    'Bearer garbage',
    'Bearer a.b.c',
    `Bearer ${header}.${payload}.${'A'.repeat(86)}`,
    `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
    'Bearer ',
    `Basic ${Buffer.from('fuzz@berkeley.edu:wrong').toString('base64')}`,
    'Basic !!!not-base64',
    `Bearer ${tokens.student.refresh}`,
    `bearer ${expired} extra`,
  ];
  let garbageTurn = 0;
  let renewals = 0;

  const usesRefresh = (route: FuzzRoute) =>
    (route.operation.security ?? []).some((scheme) => 'refreshToken' in scheme) &&
    !(route.operation.security ?? []).some((scheme) => 'accessToken' in scheme);

  return {
    accounts,
    tokens,
    get renewals() {
      return renewals;
    },
    async credentials(identity: Identity, route: FuzzRoute): Promise<Record<string, string>> {
      if (identity === 'anonymous') return {};
      if (identity === 'expired token') return { authorization: `Bearer ${expired}` };
      if (identity === 'garbage token') return { authorization: garbage[garbageTurn++ % garbage.length]! };
      const session = tokens[identity];
      return { authorization: `Bearer ${usesRefresh(route) ? session.refresh : session.access}` };
    },
    /** After an answer that may have ended the session: checks it, and signs in again if it did. */
    async afterAnswer(request: FuzzRequest, answer: FuzzAnswer) {
      if (!isRole(request.identity)) return;
      const mayHaveEnded =
        answer.status === 401 ||
        /revoke|refresh|switch-club|roles|password|^PATCH \/api\/user$/.test(request.route);
      if (!mayHaveEnded) return;
      const probe = await api(PROBE[request.identity], { token: tokens[request.identity].access });
      const refreshed = /refresh/.test(request.route) && answer.status < 400;
      if (probe.status === 200 && !refreshed && !/revoke-refresh/.test(request.route)) return;
      tokens[request.identity] = await signIn(request.identity).catch(() => {
        throw new Error(
          `the ${request.identity} cannot sign in again after ${request.method} ${request.path}`,
        );
      });
      renewals++;
    },
  };
}
