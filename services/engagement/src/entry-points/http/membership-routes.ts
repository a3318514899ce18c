import { z } from 'zod';
import { clubForOfficer } from '../../domain/clubs/club-access.js';
import { membershipTerms, replaceQuestions } from '../../domain/clubs/membership-terms.js';
import { changeStatus, membershipFor } from '../../domain/memberships/change-status.js';
import { joinClub } from '../../domain/memberships/join-club.js';
import { viewOf } from '../../domain/memberships/membership-view.js';
import { resumeLink } from '../../domain/memberships/resume-link.js';
import { studentMemberships } from '../../domain/memberships/student-memberships.js';
import { CLUB_TAG, route, STUDENT_TAG } from './route.js';
import {
  applicationBody,
  linkParams,
  membershipParams,
  membershipView,
  questionsBody,
  statusBody,
  termsView,
} from './schemas.js';

/** How a club takes members, applications to it, and moves of one membership. */
export const membershipRoutes = [
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/membership',
      tag: CLUB_TAG,
      auth: 'optional',
      summary:
        'How the club takes members: open or not, by application or not, its questions, its member count',
      params: linkParams,
      responses: { 200: { description: 'The club’s membership terms', schema: termsView } },
      errors: [404],
    },
    ({ ctx, params }) => membershipTerms(ctx, params.link),
  ),
  route(
    {
      method: 'put',
      path: '/api/clubs/:link/membership/questions',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: "Replace the club's application questions (at most 20; officers of the club)",
      params: linkParams,
      body: questionsBody,
      responses: {
        200: { description: 'The club’s membership terms, with the new questions', schema: termsView },
      },
      errors: [403, 404],
    },
    async ({ ctx, claims, params, body }) =>
      replaceQuestions(ctx, await clubForOfficer(ctx.db, params.link, claims, 'write'), body.questions),
  ),
  route(
    {
      method: 'post',
      path: '/api/clubs/:link/membership',
      tag: CLUB_TAG,
      auth: ['student'],
      summary:
        'Apply to the club (or join it, where it takes members without an application), or apply again',
      params: linkParams,
      body: applicationBody,
      responses: { 201: { description: 'The application or membership', schema: membershipView } },
      errors: [404, 409],
    },
    ({ ctx, claims, params, body }) => joinClub(ctx, claims, params.link, body),
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/members/:id',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: 'One application or membership: answers, history, the moves the caller may make',
      params: membershipParams,
      responses: { 200: { description: 'The membership', schema: membershipView } },
      errors: [403, 404],
    },
    async ({ ctx, claims, params }) => {
      const { club, membership, side } = await membershipFor(ctx.db, params.link, params.id, claims, 'read');
      return viewOf(ctx.db, membership, club, side);
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/clubs/:link/members/:id/status',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary:
        "Move a membership (the club's officers review and manage; its student withdraws or leaves). 409 names the allowed moves",
      params: membershipParams,
      body: statusBody,
      responses: { 200: { description: 'The moved membership', schema: membershipView } },
      errors: [403, 404, 409],
    },
    ({ ctx, claims, params, body }) =>
      changeStatus(ctx, claims, params.link, params.id, body.status, body.note ?? null),
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/members/:id/resume',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: "A presigned link (10 minutes) to the applicant's résumé (officers of the club)",
      params: membershipParams,
      responses: { 200: { description: 'Download link', schema: z.object({ download: z.string() }) } },
      errors: [403, 404, 503],
    },
    ({ ctx, claims, params }) => resumeLink(ctx, claims, params.link, params.id),
  ),
  route(
    {
      method: 'get',
      path: '/api/student/memberships',
      tag: STUDENT_TAG,
      auth: ['student'],
      summary: "The student's applications and memberships, with history and the moves they may make",
      responses: {
        200: {
          description: 'Oldest first',
          schema: z.array(
            membershipView.extend({ club: z.object({ link_name: z.string(), name: z.string() }) }),
          ),
        },
      },
    },
    ({ ctx, claims }) => studentMemberships(ctx, claims.sub),
  ),
];
