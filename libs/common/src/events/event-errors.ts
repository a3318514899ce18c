import { AppError } from '../errors/app-error.js';

/**
 * An event that does not match its contract: a bug in the code that made it, never the client's fault.
 * Status 500, so a request that hit it gets the bare "Internal server error" and the details go to the log.
 */
export const eventBreaksContract = (reason: string, issues: unknown = null) =>
  new AppError('EVENTS.INVALID_EVENT', 500, reason, issues);
