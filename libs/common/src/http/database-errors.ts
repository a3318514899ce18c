/**
 * PostgreSQL's answers that mean "this request cannot be applied", not "the server is broken": a
 * unique key another request took first, a row that a concurrent request removed, a value a check
 * refuses. Mapped here once, for every route, so a race or a value that slipped past validation is
 * the client's 4xx rather than a 500. Only the SQLSTATE is used: constraint names and values stay in
 * the log, never in the answer.
 */
const BY_SQLSTATE: Record<string, [number, string]> = {
  '23505': [
    409,
    'The request conflicts with the current state (another request changed it first); try again',
  ],
  // A foreign key: see classifyDatabaseError for the case of a row still referenced.
  '23503': [404, 'The request refers to something that does not exist (any more)'],
  '23514': [400, 'A value is outside its allowed range'],
  '23502': [400, 'A required value is missing'],
  '22P02': [400, 'A value is not of the expected type'],
  '22021': [400, 'A text value has an invalid character'],
  '22001': [400, 'A text value is too long'],
  '22003': [400, 'A number is out of range'],
  '22007': [400, 'A date or time is invalid'],
  '22008': [400, 'A date or time is out of range'],
};

/**
 * The SQLSTATE of an error from pg or PGlite, also when wrapped (drizzle's DrizzleQueryError keeps the
 * driver's error as `cause`; a transaction may wrap it once more).
 */
export function databaseError(error: unknown): { code: string; detail?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { code, detail, cause } = current as { code?: unknown; detail?: unknown; cause?: unknown };
    if (typeof code === 'string' && BY_SQLSTATE[code]) {
      return { code, ...(typeof detail === 'string' ? { detail } : {}) };
    }
    current = cause;
  }
  return undefined;
}

/** [status, reason] for a constraint or data error PostgreSQL raised, undefined for anything else. */
export function classifyDatabaseError(error: unknown): [number, string] | undefined {
  const found = databaseError(error);
  if (!found) return undefined;
  // Deleting or re-keying a row others still point at conflicts with them; pointing at a missing row is a 404.
  if (found.code === '23503' && found.detail?.includes('still referenced')) {
    return [409, 'Something else still refers to this; remove that first'];
  }
  return BY_SQLSTATE[found.code];
}

/** SQLSTATEs of a database that cannot serve right now: a lost connection, a restart, too many clients. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]$|53300$)/;
/** Socket errors and pg's own messages when it cannot reach the server or loses it mid-query. */
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// "is not queryable": a statement on a connection the server ended (pg_terminate_backend, a restart)
// while the request still held it.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|is not currently accepting connections|the database system is (starting up|shutting down)|Client has encountered a connection error and is not queryable|Client was closed and is not queryable/;

/**
 * Whether an error says the database is unreachable (down, restarting, refusing connections), or a
 * socket to another dependency was refused or cut, rather than that the request is wrong or the code
 * broken: the client gets a 503 and may try again, instead of a 500 that reads as a bug.
 */
export function databaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)))
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = cause;
  }
  return false;
}
