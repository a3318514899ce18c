import { z } from 'zod';
import { editCaption } from '../../../domain/gallery/edit-caption.js';
import { listGallery } from '../../../domain/gallery/list-gallery.js';
import { removeGalleryItem } from '../../../domain/gallery/remove-gallery-item.js';
import { isMultipart, readFormFields } from '../form-fields.js';
import { galleryItemAnswer } from '../officer-answers.js';
import { captionBody } from '../officer-schemas.js';
import { galleryItemView } from '../officer-views.js';
import { route } from '../route.js';
import { idParams, itemId, me, OFFICER, TAG } from './officer.js';

const gallery = { 200: { description: 'Gallery', schema: z.array(galleryItemAnswer) } };

/** `/api/admin/gallery-media`: the club's pictures (uploads go through the media service). */
export const galleryRoutes = [
  route(
    {
      method: 'get',
      path: '/api/admin/gallery-media',
      tag: TAG,
      auth: OFFICER,
      summary: "The club's gallery pictures",
      responses: gallery,
      errors: [404],
    },
    async ({ ctx, claims }) => (await listGallery(ctx.db, me(claims))).map(galleryItemView),
  ),
  route(
    {
      method: 'put',
      path: '/api/admin/gallery-media/photo/:id',
      tag: TAG,
      auth: OFFICER,
      summary: "Edit a picture's caption (JSON, or multipart/form-data as upstream's web client sends it)",
      params: idParams,
      // Optional for the kernel: a multipart body is not parsed yet when it checks; the handler parses both.
      body: captionBody.optional(),
      responses: gallery,
      errors: [404, 413],
    },
    async ({ ctx, claims, req, params }) => {
      const { caption } = captionBody.parse(isMultipart(req) ? await readFormFields(req) : req.body);
      return (await editCaption(ctx, me(claims), itemId(params), caption)).map(galleryItemView);
    },
  ),
  route(
    {
      method: 'delete',
      path: '/api/admin/gallery-media/:id',
      tag: TAG,
      auth: OFFICER,
      summary: 'Remove a picture (an unknown id changes nothing)',
      params: idParams,
      responses: gallery,
      errors: [404],
    },
    async ({ ctx, claims, params }) =>
      (await removeGalleryItem(ctx, me(claims), itemId(params))).map(galleryItemView),
  ),
];
