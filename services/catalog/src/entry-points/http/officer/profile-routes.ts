import { successSchema } from '@sproul/common/openapi';
import { editOfficerProfile } from '../../../domain/profile/edit-officer-profile.js';
import { officerProfile } from '../../../domain/profile/officer-profile.js';
import { officerProfileAnswer } from '../officer-answers.js';
import { profileEditBody } from '../officer-profile-schemas.js';
import { officerProfileView } from '../officer-views.js';
import { route } from '../route.js';
import { DOC_ZONE, me, OFFICER, TAG } from './officer.js';

/** `/api/admin/profile`: the officer's own club (found from the token, so no route reaches another). */
export const profileRoutes = [
  route(
    {
      method: 'get',
      path: '/api/admin/profile',
      tag: TAG,
      auth: OFFICER,
      summary: "The officer's club, with `owner` and `confirmed`",
      responses: { 200: { description: 'The club', schema: officerProfileAnswer } },
      errors: [404],
    },
    async ({ ctx, claims }) =>
      officerProfileView(await officerProfile(ctx.db, me(claims)), ctx.config.CAMPUS_TZ),
  ),
  route(
    {
      method: 'post',
      path: '/api/admin/profile',
      tag: TAG,
      auth: OFFICER,
      summary:
        'Edit the club: keys absent stay, social links merge, a new name moves link_name (old one redirects)',
      body: profileEditBody(DOC_ZONE),
      responses: { 200: { description: 'Saved', schema: successSchema } },
      errors: [404],
    },
    async ({ ctx, claims, req }) => {
      await editOfficerProfile(ctx, me(claims), profileEditBody(ctx.config.CAMPUS_TZ).parse(req.body));
      return { status: 'success' };
    },
  ),
];
