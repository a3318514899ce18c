import type { AccessClaims } from '@sproul/common/auth';
import type { Student } from '../../../domain/students/student-identity.js';
import { unconfirmedAccount } from '../../../errors.js';

export const TAG = 'Students';
export const STUDENT = ['student'] as const;

export const me = (claims: AccessClaims): Student => ({ userId: claims.sub, email: claims.email });

/** Upstream's `confirmed_account_required`: a student's data needs a confirmed email (before the body). */
export function confirmed(claims: AccessClaims) {
  if (!claims.confirmed) throw unconfirmedAccount();
}
