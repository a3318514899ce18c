import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@sproul/common/auth';
import { packageVersion } from '@sproul/common/http';
import { createInternalClient } from '@sproul/common/http-client';
import { requestReplayOnFirstStart } from '@sproul/common/messaging';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { engagementReplays } from './domain/catch-up/engagement-replays.js';
import type { EngagementContext } from './domain/engagement-context.js';
import { feedbackRoutes } from './entry-points/http/feedback-routes.js';
import { membershipRoutes } from './entry-points/http/membership-routes.js';
import { messageRoutes } from './entry-points/http/message-routes.js';
import { pollRoutes } from './entry-points/http/poll-routes.js';
import { reminderRoutes } from './entry-points/http/reminder-routes.js';
import { rosterRoutes } from './entry-points/http/roster-routes.js';
// ---- RSVPs, tickets and check-in (issue 21) ----
import { rsvpRoutes } from './entry-points/http/rsvp-routes.js';
import { ticketRoutes } from './entry-points/http/ticket-routes.js';
import { eventRemindersJob } from './entry-points/jobs/event-reminders-job.js';
import { noShowJob } from './entry-points/jobs/no-show-job.js';
// ----
import { replayRetryJob } from './entry-points/jobs/replay-retry-job.js';
import { engagementHandlers } from './entry-points/messaging/engagement-handlers.js';

/** Engagement: memberships and applications (a status machine), rosters and messages, for clubs and students. */
export const engagementService = defineService({
  name: 'engagement',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, outbox, logger, store, clock }, config) {
    // A résumé link is one short call: a dead media answers 503 fast once the circuit opens.
    const media = createInternalClient({
      service: 'media',
      baseUrl: config.MEDIA_URL,
      timeoutMs: config.MEDIA_TIMEOUT_MS,
      retries: 1,
      breakAfter: 5,
      halfOpenAfterMs: 10_000,
    });
    const context: EngagementContext = {
      db: database.db,
      outbox,
      config,
      logger,
      media,
      verifier: createTokenVerifier({
        jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL).href,
        store,
      }),
      clock: clock ?? (() => new Date()),
    };
    // Asynchronous over the bus: the request is one outbox row, and the start does not wait for answers.
    if (
      config.REPLAY_ON_FIRST_START &&
      (await requestReplayOnFirstStart(outbox, context.clock(), engagementReplays))
    ) {
      logger.info('first start: asked auth and the catalog to restate clubs, teams and accounts');
    }
    return { context, stop: () => media.close() };
  },
  verifier: (ctx) => ctx.verifier,
  // Fixed paths (`members/stats`) before `members/:id`.
  routes: [
    ...rosterRoutes,
    ...membershipRoutes,
    ...messageRoutes,
    // Polls, feedback and SMS reminders (issue 21)
    ...pollRoutes,
    ...feedbackRoutes,
    ...reminderRoutes,
    // ---- RSVPs, tickets and check-in (issue 21) ----
    ...rsvpRoutes,
    ...ticketRoutes,
  ],
  handlers: engagementHandlers,
  jobs: [
    replayRetryJob,
    // Polls, feedback and SMS reminders (issue 21)
    eventRemindersJob,
    // ---- RSVPs (issue 21) ----
    noShowJob,
  ],
});
