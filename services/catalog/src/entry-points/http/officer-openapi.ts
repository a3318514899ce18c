import { type RouteDescription, successSchema } from '@sproul/common/openapi';
import { z } from 'zod';
import {
  eventAnswer,
  galleryItemAnswer,
  officerProfileAnswer,
  questionAnswer,
  recruitingEventAnswer,
  resourceAnswer,
} from './officer-answers.js';
import {
  captionBody,
  eventBody,
  eventEditBody,
  faqBody,
  faqEditBody,
  profileEditBody,
  recruitingEventBody,
  recruitingEventEditBody,
  resourceBody,
  resourceEditBody,
} from './officer-schemas.js';

const TAG = 'Officer (club edit)';
const ZONE = 'America/Los_Angeles';
const idParams = z.object({ id: z.string() });

/** GET list, POST add, PUT edit, DELETE remove: each answers the whole updated list. */
function listRoutes(
  path: string,
  what: string,
  item: z.ZodType,
  bodies: { add: z.ZodType; edit: z.ZodType },
): RouteDescription[] {
  const a = /^[aeiou]/i.test(what) ? 'an' : 'a';
  const list = { 200: { description: `The club's ${what} list`, schema: z.array(item) } };
  const base = { tag: TAG, security: 'access' as const };
  return [
    { ...base, method: 'get', path, summary: `The club's ${what} list`, responses: list, errors: [404] },
    {
      ...base,
      method: 'post',
      path,
      summary: `Add ${a} ${what} (409 when the club's list is full)`,
      body: bodies.add,
      responses: list,
      errors: [404, 409],
    },
    {
      ...base,
      method: 'put',
      path: `${path}/{id}`,
      summary: `Edit ${a} ${what} (keys absent stay)`,
      params: idParams,
      body: bodies.edit,
      responses: list,
      errors: [404],
    },
    {
      ...base,
      method: 'delete',
      path: `${path}/{id}`,
      summary: `Remove ${a} ${what}`,
      params: idParams,
      responses: list,
      errors: [404],
    },
  ];
}

/** `/api/admin/*` except change-password (auth's). A wrong role answers 401, as upstream. */
export const officerRouteDescriptions: RouteDescription[] = [
  {
    method: 'get',
    path: '/api/admin/profile',
    tag: TAG,
    security: 'access',
    summary: "The officer's club, with `owner` and `confirmed`",
    responses: { 200: { description: 'The club', schema: officerProfileAnswer } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/profile',
    tag: TAG,
    security: 'access',
    summary:
      'Edit the club: keys absent stay, social links merge, a new name moves link_name (old one redirects)',
    body: profileEditBody(ZONE),
    responses: { 200: { description: 'Saved', schema: successSchema } },
    errors: [404],
  },
  ...listRoutes('/api/admin/resources', 'resource', resourceAnswer, {
    add: resourceBody,
    edit: resourceEditBody,
  }),
  ...listRoutes('/api/admin/events', 'event', eventAnswer, {
    add: eventBody(ZONE),
    edit: eventEditBody(ZONE),
  }),
  ...listRoutes('/api/admin/recruiting-events', 'recruiting event', recruitingEventAnswer, {
    add: recruitingEventBody(ZONE),
    edit: recruitingEventEditBody(ZONE),
  }),
  ...listRoutes('/api/admin/faq', 'FAQ question', questionAnswer, { add: faqBody, edit: faqEditBody }),
  {
    method: 'get',
    path: '/api/admin/gallery-media',
    tag: TAG,
    security: 'access',
    summary: "The club's gallery pictures",
    responses: { 200: { description: 'Gallery', schema: z.array(galleryItemAnswer) } },
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/admin/gallery-media/photo/{id}',
    tag: TAG,
    security: 'access',
    summary: "Edit a picture's caption (JSON, or multipart/form-data as upstream's web client sends it)",
    params: idParams,
    body: captionBody,
    responses: { 200: { description: 'Gallery', schema: z.array(galleryItemAnswer) } },
    errors: [404, 413],
  },
  {
    method: 'delete',
    path: '/api/admin/gallery-media/{id}',
    tag: TAG,
    security: 'access',
    summary: 'Remove a picture (an unknown id changes nothing)',
    params: idParams,
    responses: { 200: { description: 'Gallery', schema: z.array(galleryItemAnswer) } },
    errors: [404],
  },
];
