import { documentTooLarge } from '../../errors.js';
import type { MediaContext } from '../media-context.js';

export const documentKinds = ['resume', 'waiver'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A student's resume or waiver: a PDF of at most 5 MiB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Presigned URLs work this long (seconds). */
export const DOCUMENT_URL_SECONDS = 600;

/**
 * Where a student's document lives: per account, outside `clubs/` (never public, never swept), one
 * per kind, so a new upload replaces the old.
 */
export const documentKey = (userId: string, kind: DocumentKind) => `private/students/${userId}/${kind}.pdf`;

/**
 * Presigned URLs for the browser to put and get the document itself: the PUT signs its content type
 * (application/pdf) and exact length, so S3 refuses another type or size; both expire in 10 minutes.
 */
export async function documentUrls(ctx: MediaContext, userId: string, kind: DocumentKind, size: number) {
  if (size > MAX_DOCUMENT_BYTES) throw documentTooLarge(MAX_DOCUMENT_BYTES);
  const key = documentKey(userId, kind);
  const [upload, download, exists] = await Promise.all([
    ctx.objects.presignPut(key, size, 'application/pdf', DOCUMENT_URL_SECONDS),
    ctx.objects.presignGet(key, DOCUMENT_URL_SECONDS),
    ctx.objects.exists(key),
  ]);
  return { upload, download, exists };
}

/**
 * A student's stored document for another service to hand on (engagement shows an applicant's résumé
 * to the club's officers): a presigned GET (10 minutes) when the object exists, else none. HEAD first,
 * so a caller never passes on a link that answers 404.
 */
export async function storedDocument(ctx: MediaContext, userId: string, kind: DocumentKind) {
  const key = documentKey(userId, kind);
  if (!(await ctx.objects.exists(key))) return { download: null, exists: false };
  return { download: await ctx.objects.presignGet(key, DOCUMENT_URL_SECONDS), exists: true };
}
