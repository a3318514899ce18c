import { z } from 'zod';

export const roles = ['officer', 'student', 'member', 'admin'] as const;
export type Role = (typeof roles)[number];

export const ISSUER = 'sproul-auth';
export const AUDIENCE = 'sproul';

/** What an access token says about its bearer. Every service reads identity from these claims only. */
export const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  email: z.string(),
  confirmed: z.boolean(),
  /** The officer's club, once the catalog has created it. */
  club: z.string().nullable().optional(),
  /** The session (refresh-token family) the token belongs to. */
  sid: z.string().min(1),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
  token_use: z.literal('access'),
});

export type AccessClaims = z.output<typeof accessClaimsSchema>;

/** Keys of the shared store that revoke tokens; written by auth, read wherever tokens are verified. */
export const denylistKeys = {
  token: (jti: string) => `denylist:jti:${jti}`,
  /** An ended session: logout, refresh-token reuse, and every session of an account on password reset. */
  session: (sid: string) => `denylist:sid:${sid}`,
  /**
   * An officer removed from a club (removed, left, club deleted): the value is the removal time in epoch
   * seconds, and tokens of that account acting for that club (`club` claim) issued at or before it are
   * refused; tokens minted later (re-invited) work. Kept as long as an access token lives.
   */
  officer: (sub: string, club: string) => `denylist:officer:${sub}:${club}`,
};
