import { activityStats } from '../../domain/stats/activity-stats.js';
import { clubRequirementStats, pictureStats, socialMediaStats } from '../../domain/stats/more-stats.js';
import { signUpStats } from '../../domain/stats/sign-up-stats.js';
import { ADMIN, route, TAG } from './route.js';
import {
  activityStatsSchema,
  clubRequirementStatsSchema,
  pictureStatsSchema,
  signUpStatsSchema,
  socialMediaStatsSchema,
} from './stats-schemas.js';

/** Upstream's statistics routes of the admin dashboard, answered from the read models (cached briefly). */
export const statsRoutes = [
  route(
    {
      method: 'get',
      path: '/api/monitor/overview/stats/sign-up',
      tag: TAG,
      summary: 'Officer and student sign-ups: totals, the last 7 days, 10 weeks of history (oldest first)',
      auth: ADMIN,
      responses: { 200: { description: 'Sign-up figures', schema: signUpStatsSchema } },
    },
    ({ ctx }) => ctx.cache.get('sign-up', () => signUpStats(ctx.db, ctx.clock())),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/overview/stats/activity',
      tag: TAG,
      summary: 'Confirmed officers and students active, and catalog searches, in the last 30 minutes',
      auth: ADMIN,
      responses: { 200: { description: 'Activity figures', schema: activityStatsSchema } },
    },
    ({ ctx }) => ctx.cache.get('activity', () => activityStats(ctx.db, ctx.clock())),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/more-stats/social-media',
      tag: TAG,
      summary: 'Confirmed clubs with each social link set (a one-element list, as upstream)',
      auth: ADMIN,
      responses: { 200: { description: 'Link counts', schema: socialMediaStatsSchema } },
    },
    ({ ctx }) => ctx.cache.get('social-media', () => socialMediaStats(ctx.db)),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/more-stats/club-reqs',
      tag: TAG,
      summary: 'Confirmed clubs by application required and taking new members, and both together',
      auth: ADMIN,
      responses: { 200: { description: 'Requirement counts', schema: clubRequirementStatsSchema } },
    },
    ({ ctx }) => ctx.cache.get('club-reqs', () => clubRequirementStats(ctx.db)),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/more-stats/pic-stats',
      tag: TAG,
      summary: 'Confirmed clubs with a logo, a banner, and both together',
      auth: ADMIN,
      responses: { 200: { description: 'Picture counts', schema: pictureStatsSchema } },
    },
    ({ ctx }) => ctx.cache.get('pic-stats', () => pictureStats(ctx.db)),
  ),
];
