import { AppError } from '@sproul/common/errors';

// The catalog's errors, by name: codes and reasons are upstream's (its web client matches reasons).

type FieldProblems = { field: string; errors: string[] }[];

/** A club the request names is not in the catalog; `data` names them when a list was asked for. */
export const clubNotFound = (data?: { clubs: string[] }) =>
  new AppError('CATALOG.CLUB_NOT_FOUND', 404, 'The requested club does not exist!', data);

/** An officer whose club is not created yet (the UserRegistered handler has not run). */
export const noClubForAccount = () =>
  new AppError('CATALOG.CLUB_NOT_FOUND', 404, 'No club belongs to this account (yet)');

export const itemNotFound = (what: string) =>
  new AppError('CATALOG.ITEM_NOT_FOUND', 404, `Requested ${what} does not exist`);

export const listFull = (list: string, limit: number) =>
  new AppError('CATALOG.LIST_FULL', 409, `A club can have at most ${limit} ${list.replace('_', ' ')}`, {
    limit,
  });

export const tagInUse = (inUse: number) =>
  new AppError(
    'CATALOG.TAG_IN_USE',
    409,
    `At least ${inUse} club${inUse === 1 ? ' is' : 's are'} using this tag!`,
    { num_clubs: inUse },
  );

export const tooManyFavorites = (limit: number) =>
  new AppError('CATALOG.TOO_MANY_FAVORITES', 400, `At most ${limit} favourite clubs`, { limit });

/** A body that parsed but names what does not exist (unknown ids, dates out of order): the body's 400. */
export const invalidBody = (data: FieldProblems) =>
  new AppError('REQUEST.INVALID', 400, 'A validation error occurred when parsing the JSON body.', data);

export const notOwnRegistration = () =>
  new AppError('AUTH.FORBIDDEN', 403, 'You can only finish the registration of your own student account');

/** Upstream's `confirmed_account_required`: the same answer as a wrong role. */
export const unconfirmedAccount = () =>
  new AppError('AUTH.UNCONFIRMED', 401, 'You are not allowed to access this endpoint!');
