import { type RouteDescription, successSchema } from '@sproul/common/openapi';
import { z } from 'zod';
import { clubAccountSchema, clubOwnerParams, tagBody, tagUsageSchema } from './monitor-schemas.js';

const TAG = 'Admin dashboard';
const ok = { 200: { description: 'Done', schema: successSchema } };
const csv = (description: string) => ({
  200: { description, schema: z.string(), contentType: 'text/csv' },
});
const tagId = z.object({ id: z.string().meta({ description: 'A tag id (0..n-1)', example: '3' }) });

/** The dashboard's club and tag routes the catalog answers (role admin; a wrong role is upstream's 401). */
export const monitorRouteDescriptions: RouteDescription[] = [
  {
    method: 'get',
    path: '/api/monitor/club/list',
    tag: TAG,
    summary: 'Every club, hidden ones too, by name',
    security: 'access',
    responses: { 200: { description: 'Clubs', schema: z.array(clubAccountSchema) } },
  },
  {
    method: 'get',
    path: '/api/monitor/club/download',
    tag: TAG,
    summary: 'The club list as clubs.csv (name,email,confirmed,reactivated)',
    security: 'access',
    responses: csv('clubs.csv'),
  },
  {
    method: 'delete',
    path: '/api/monitor/club/{email}',
    tag: TAG,
    summary: 'Delete the club of the officer with this email (ClubDeleted: auth and media follow)',
    security: 'access',
    params: clubOwnerParams,
    responses: ok,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/monitor/tags/list',
    tag: TAG,
    summary: 'Every tag with the number of catalog-visible clubs using it, by name',
    security: 'access',
    responses: { 200: { description: 'Tags', schema: z.array(tagUsageSchema) } },
  },
  {
    method: 'get',
    path: '/api/monitor/tags/download',
    tag: TAG,
    summary: 'The tag list as tags.csv (_id,name,num_clubs)',
    security: 'access',
    responses: csv('tags.csv'),
  },
  {
    method: 'post',
    path: '/api/monitor/tags',
    tag: TAG,
    summary: 'Add a tag at the next id (n); names are unique ignoring case',
    security: 'access',
    body: tagBody,
    responses: ok,
  },
  {
    method: 'put',
    path: '/api/monitor/tags/{id}',
    tag: TAG,
    summary: 'Rename a tag',
    security: 'access',
    params: tagId,
    body: tagBody,
    responses: ok,
  },
  {
    method: 'delete',
    path: '/api/monitor/tags/{id}',
    tag: TAG,
    summary:
      'Delete a tag no visible club uses (409 otherwise); the last tag takes its id, so ids stay 0..n-1',
    security: 'access',
    params: tagId,
    responses: ok,
    errors: [400, 409],
  },
];
