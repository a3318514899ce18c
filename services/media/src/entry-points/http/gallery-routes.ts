import { parseParams } from '@sproul/common/service';
import { z } from 'zod';
import { addPicture, editPicture, listGallery, removePicture } from '../../domain/gallery/gallery.js';
import { withUploadSlot } from '../../domain/images/slots.js';
import { uploadRules } from '../../domain/images/upload-rules.js';
import { imageMissing } from '../../errors.js';
import { captionBody, editBody, galleryAnswer, galleryItemView, idParams } from './gallery-views.js';
import { readUpload } from './read-upload.js';
import { me, OFFICER, route, TAG } from './route.js';

const rule = uploadRules.gallery;
const pathId = (params: unknown) => parseParams(idParams, params, 'path').id;

/** `/api/admin/gallery-media`: the club's pictures, up to 5, each answered as the updated list. */
export const galleryRoutes = [
  route(
    {
      method: 'get',
      path: '/api/admin/gallery-media',
      tag: TAG,
      auth: OFFICER,
      summary: "The club's gallery pictures",
      responses: galleryAnswer,
      errors: [404],
    },
    async ({ ctx, claims }) => (await listGallery(ctx, me(claims))).map(galleryItemView),
  ),
  route(
    {
      method: 'post',
      path: '/api/admin/gallery-media/photo',
      tag: TAG,
      auth: OFFICER,
      summary: 'Add a picture (multipart/form-data: file `photo` at most 2 MiB, text `caption` at most 50)',
      responses: galleryAnswer,
      errors: [404, 409, 413],
    },
    ({ ctx, claims, req }) =>
      withUploadSlot(async () => {
        const { file, fields } = await readUpload(req, rule);
        const { caption } = captionBody.parse(fields);
        if (!file) throw imageMissing(rule.kind);
        return (await addPicture(ctx, me(claims), file, caption)).map(galleryItemView);
      }, rule.maxBytes),
  ),
  route(
    {
      method: 'put',
      path: '/api/admin/gallery-media/photo/:id',
      tag: TAG,
      auth: OFFICER,
      summary:
        "Edit a picture's caption (absent: kept), and replace the picture when a file `photo` is sent (multipart, or JSON)",
      documented: { params: z.object({ id: z.string() }) },
      // Optional for the kernel: a multipart body is not parsed yet when it checks; the handler parses both.
      body: editBody.optional(),
      responses: galleryAnswer,
      errors: [404, 413],
    },
    ({ ctx, claims, req, params }) =>
      withUploadSlot(async () => {
        const { file, fields } = await readUpload(req, rule);
        const { caption } = editBody.parse(fields);
        const change = { ...(caption === undefined ? {} : { caption }), ...(file ? { bytes: file } : {}) };
        return (await editPicture(ctx, me(claims), pathId(params), change)).map(galleryItemView);
      }, rule.maxBytes),
  ),
  route(
    {
      method: 'delete',
      path: '/api/admin/gallery-media/:id',
      tag: TAG,
      auth: OFFICER,
      summary: 'Remove a picture (an unknown id changes nothing); its objects are deleted',
      documented: { params: z.object({ id: z.string() }) },
      responses: galleryAnswer,
      errors: [404],
    },
    async ({ ctx, claims, params }) =>
      (await removePicture(ctx, me(claims), pathId(params))).map(galleryItemView),
  ),
];
