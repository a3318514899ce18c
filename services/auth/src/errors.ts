import { AppError } from '@sproul/common/errors';

// Every error auth answers with, by name; codes and reasons are upstream's where it had them.

export const unauthorized = () => new AppError('AUTH.UNAUTHORIZED', 401, 'Unauthorized');
export const invalidToken = (reason: string) => new AppError('AUTH.INVALID_TOKEN', 401, reason);
export const tokenRevoked = () => new AppError('AUTH.REVOKED', 401, 'Token has been revoked');
export const accountGone = () => new AppError('AUTH.ACCOUNT_GONE', 401, 'The account no longer exists');
export const adminSelfDelete = () =>
  new AppError('AUTH.ADMIN_DELETE', 403, 'Admin accounts are removed by another admin, not by themselves');

/** One answer for every failed sign-in, so that login tells nothing about which accounts exist. */
export const badCredentials = () =>
  new AppError('AUTH.BAD_CREDENTIALS', 400, 'The email or password is incorrect.');
export const wrongPassword = (reason: string) => new AppError('AUTH.WRONG_PASSWORD', 400, reason);
export const samePassword = () =>
  new AppError('AUTH.SAME_PASSWORD', 400, 'The old and new passwords are identical.');
export const weakPassword = (reason = 'The password is not strong enough') =>
  new AppError('AUTH.WEAK_PASSWORD', 400, reason);

/** A field-level 400 found after parsing (unknown tag ids), shaped as the body parser's. */
export const invalidField = (field: string, message: string) =>
  new AppError('REQUEST.INVALID', 400, 'A validation error occurred when parsing the JSON body.', [
    { field, errors: [message] },
  ]);
export const notOnRsoList = () =>
  new AppError('AUTH.NOT_ON_RSO_LIST', 404, 'The provided email is not part of the RSO list!');
export const notCampusEmail = (domain: string) =>
  new AppError('AUTH.NOT_CAMPUS_EMAIL', 403, `Student accounts need an @${domain} email address`);
export const accountExists = (reason: string) => new AppError('AUTH.ACCOUNT_EXISTS', 409, reason);
export const accountNotFound = () =>
  new AppError('AUTH.ACCOUNT_NOT_FOUND', 404, 'No account under that email exists!');
export const accountConfirmed = () =>
  new AppError(
    'AUTH.ACCOUNT_CONFIRMED',
    409,
    'That account is confirmed: only its owner, or deleting its club, removes it',
  );

export const invalidLink = (reason: string) => new AppError('AUTH.INVALID_LINK', 404, reason);

export const rsoExists = () => new AppError('AUTH.RSO_EXISTS', 400, 'Specified RSO Email already exists!');
export const rsoInUse = () =>
  new AppError('AUTH.RSO_IN_USE', 400, 'A club already exists with that email! Please delete it first');
export const rsoMissing = () => new AppError('AUTH.RSO_MISSING', 400, 'Specified RSO Email does not exist!');

export const ssoDisabled = () => new AppError('AUTH.SSO_DISABLED', 503, 'Single sign-on is not configured');
export const ssoUnavailable = (why: string) =>
  new AppError('AUTH.SSO_UNAVAILABLE', 503, `The sign-on provider is unavailable: ${why}`);
export const ssoFailed = (why: string) => new AppError('AUTH.SSO_FAILED', 400, `Login failed: ${why}`);
export const ssoExpired = () =>
  new AppError('AUTH.SSO_EXPIRED', 400, 'Login failed: this sign-in attempt expired or was already used');
export const ssoUnverified = () =>
  new AppError('AUTH.SSO_UNVERIFIED', 403, 'Login failed: the provider gave no verified email address');

// Club teams and platform roles.
export const notClubOfficer = () =>
  new AppError('AUTH.NOT_CLUB_OFFICER', 403, 'You are not an officer of this club');
export const ownerOnly = () => new AppError('AUTH.OWNER_ONLY', 403, "Only the club's owner may do this");
export const alreadyOfficer = () =>
  new AppError('AUTH.ALREADY_OFFICER', 409, 'That account is already an officer of this club');
export const notTeamMember = () =>
  new AppError('AUTH.NOT_TEAM_MEMBER', 404, 'That account is not an officer of this club');
export const ownerStays = () =>
  new AppError('AUTH.OWNER_STAYS', 409, 'The owner cannot be removed: transfer ownership first');
export const transferTarget = () =>
  new AppError('AUTH.TRANSFER_TARGET', 409, 'Ownership goes only to another officer of this club');
export const invitationNotFound = () => new AppError('AUTH.INVITATION_NOT_FOUND', 404, 'No such invitation');
/** `data.state`, when known, says which of the three: the accept page words each its own way. */
export const invitationGone = (state?: 'accepted' | 'revoked' | 'expired') =>
  new AppError(
    'AUTH.INVITATION_GONE',
    410,
    'This invitation was already used, revoked, or has expired',
    state ? { state } : undefined,
  );
export const lastAdmin = () =>
  new AppError('AUTH.LAST_ADMIN', 409, 'The last admin keeps the role: grant it to someone else first');
export const roleNotHeld = () =>
  new AppError('AUTH.ROLE_NOT_HELD', 404, 'That account does not hold that role');

// Phone numbers.
export const phoneInUse = () =>
  new AppError('AUTH.PHONE_IN_USE', 409, 'That phone number is verified on another account');
export const phoneAlreadyVerified = () =>
  new AppError('AUTH.PHONE_ALREADY_VERIFIED', 409, 'That phone number is already verified on this account');
/** A wrong code; `data.attempts_left` says how many more the code takes before it dies. */
export const wrongPhoneCode = (attemptsLeft: number) =>
  new AppError('AUTH.WRONG_CODE', 400, 'The code is incorrect', { attempts_left: attemptsLeft });
/** No code to check: none was sent, it expired, or too many wrong attempts killed it. */
export const phoneCodeGone = (state: 'none' | 'expired' | 'dead') =>
  new AppError(
    'AUTH.CODE_GONE',
    410,
    state === 'none'
      ? 'No code is pending: request one first'
      : state === 'expired'
        ? 'The code has expired: request a new one'
        : 'Too many wrong attempts: request a new code',
    { state },
  );

/** Over the send-rate limit; the route answers `Retry-After` from `retryAfter` (seconds). */
export class PhoneCodesLimited extends AppError {
  constructor(
    readonly retryAfter: number,
    limit: number,
    per: 'account' | 'number',
  ) {
    super(
      'AUTH.PHONE_CODES_LIMITED',
      429,
      `At most ${limit} codes per hour may be sent ${per === 'account' ? 'for an account' : 'to a number'}; try again in ${retryAfter} seconds`,
      { retry_after: retryAfter, limit, per },
    );
  }
}
