import { type AccessClaims, AUDIENCE, ISSUER } from '@sproul/common/auth';
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { invalidToken } from '../errors.js';
import type { KeyRing } from './key-ring.js';

export interface TokenLifetimes {
  accessS: number;
  refreshS: number;
}

export interface SessionAccount {
  id: string;
  role: AccessClaims['role'];
  email: string;
  confirmed: boolean;
  clubId: string | null;
}

const refreshClaimsSchema = z.object({
  sub: z.string(),
  sid: z.string(),
  gen: z.number().int().min(0),
  jti: z.string(),
  exp: z.number(),
  token_use: z.literal('refresh'),
});
export type RefreshClaims = z.output<typeof refreshClaimsSchema>;

/** Signs the two kinds of JWT auth hands out, and reads back its own refresh tokens. */
export function tokenIssuer(keyRing: KeyRing, lifetimes: TokenLifetimes) {
  return {
    access: (account: SessionAccount, sid: string) =>
      keyRing.sign(
        {
          sub: account.id,
          role: account.role,
          email: account.email,
          confirmed: account.confirmed,
          club: account.clubId,
          sid,
          token_use: 'access',
          iss: ISSUER,
          aud: AUDIENCE,
        },
        lifetimes.accessS,
      ),

    refresh: (accountId: string, sid: string, gen: number) =>
      keyRing.sign(
        { sub: accountId, sid, gen, token_use: 'refresh', iss: ISSUER, aud: AUDIENCE },
        lifetimes.refreshS,
      ),

    async readRefresh(token: string): Promise<RefreshClaims> {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keyRing.verificationKeys, {
          algorithms: ['ES256'],
          issuer: ISSUER,
          audience: AUDIENCE,
        }));
      } catch (error) {
        throw invalidToken(error instanceof errors.JWTExpired ? 'Token has expired' : 'Invalid token');
      }
      const claims = refreshClaimsSchema.safeParse(payload);
      if (!claims.success) {
        const use = (payload as { token_use?: unknown }).token_use;
        throw invalidToken(use === 'access' ? 'Only refresh tokens are allowed' : 'Invalid token');
      }
      return claims.data;
    },
  };
}

export type TokenIssuer = ReturnType<typeof tokenIssuer>;
