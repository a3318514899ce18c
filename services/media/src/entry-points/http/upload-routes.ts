import { z } from 'zod';
import { withUploadSlot } from '../../domain/images/slots.js';
import { uploadClubImage } from '../../domain/images/upload-club-image.js';
import { uploadRules } from '../../domain/images/upload-rules.js';
import { imageMissing } from '../../errors.js';
import { readUpload } from './read-upload.js';
import { me, OFFICER, route, TAG } from './route.js';

const uploadRoute = (purpose: 'logo' | 'banner') => {
  const rule = uploadRules[purpose];
  const answerKey = `${purpose}-url` as const;
  return route(
    {
      method: 'post',
      path: `/api/admin/upload-${purpose}`,
      tag: TAG,
      auth: OFFICER,
      summary: `Upload the club's ${purpose} (multipart/form-data, file field \`${rule.field}\`, at most ${rule.maxBytes / 1024 / 1024} MiB${purpose === 'logo' ? ', square' : ', 10:3'})`,
      responses: {
        200: {
          description: `Its public URL (WebP); the previous ${purpose} is deleted`,
          schema: z.object({ status: z.literal('success'), [answerKey]: z.string() }),
        },
      },
      errors: [400, 404, 413],
    },
    ({ ctx, claims, req }) =>
      withUploadSlot(async () => {
        const { file } = await readUpload(req, rule);
        if (!file) throw imageMissing(rule.kind);
        return { status: 'success', [answerKey]: await uploadClubImage(ctx, me(claims), purpose, file) };
      }, rule.maxBytes),
  );
};

/** Upstream's `/api/admin/upload-logo` and `/api/admin/upload-banner`. */
export const uploadRoutes = [uploadRoute('logo'), uploadRoute('banner')];
