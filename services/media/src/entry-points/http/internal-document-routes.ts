import { z } from 'zod';
import { documentKinds, storedDocument } from '../../domain/documents/student-document.js';
import { route } from './route.js';

const answer = z.object({
  download: z.string().nullable().describe('Presigned GET (10 minutes) of the stored PDF; null when none'),
  exists: z.boolean().describe('Whether the student stored a document of this kind'),
});

/**
 * `/internal/documents/:userId/:kind`: a student's résumé or waiver for another service (engagement,
 * for the officers of a club the student applied to). Internal, as the recommender's `/internal`
 * routes: the gateway routes no `/internal` path, so only services on the private network reach it,
 * and the caller decides who may see the link it passes on.
 */
export const internalDocumentRoutes = [
  route(
    {
      method: 'get',
      path: '/internal/documents/:userId/:kind',
      tag: 'Media (internal)',
      summary: "A presigned download (10 minutes) of a student's private PDF, if stored (service to service)",
      params: z.object({
        // Account ids are UUIDs; anything else could step out of the student's folder of the bucket.
        userId: z.guid(),
        kind: z.enum(documentKinds),
      }),
      responses: { 200: { description: 'The document, or that there is none', schema: answer } },
      errors: [400],
    },
    ({ ctx, params }) => storedDocument(ctx, params.userId, params.kind),
  ),
];
