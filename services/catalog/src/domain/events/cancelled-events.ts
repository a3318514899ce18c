/** How long a removed event stays in the club's iCalendar feed as cancelled. */
export const CANCELLED_EVENT_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cancellations before this instant are forgotten: the feed no longer lists them. */
export const cancelledFeedHorizon = (now: Date) => new Date(now.getTime() - CANCELLED_EVENT_DAYS * DAY_MS);
