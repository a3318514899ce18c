import { z } from 'zod';
import { documentKinds, documentUrls } from '../../domain/documents/student-document.js';
import { route } from './route.js';

const answer = z.object({
  upload: z
    .string()
    .describe('Presigned PUT: send the PDF with Content-Type application/pdf and exactly `size` bytes'),
  download: z.string().describe('Presigned GET of the stored document'),
  exists: z.boolean().describe('Whether a document of this kind is stored already'),
});

/** `/api/student/documents/:kind`: presigned URLs for a student's resume or waiver (LCS). */
export const documentRoutes = [
  route(
    {
      method: 'post',
      path: '/api/student/documents/:kind',
      tag: 'Student (documents)',
      auth: ['student'],
      summary:
        'Presigned URLs (10 minutes) to upload and download a private PDF (resume or waiver, at most 5 MiB)',
      params: z.object({ kind: z.enum(documentKinds) }),
      body: z.strictObject({ size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
      responses: { 200: { description: 'Presigned URLs', schema: answer } },
    },
    ({ ctx, claims, params, body }) => documentUrls(ctx, claims.sub, params.kind, body.size),
  ),
];
