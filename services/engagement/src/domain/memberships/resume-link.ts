import type { AccessClaims } from '@sproul/common/auth';
import { AppError } from '@sproul/common/errors';
import { mediaUnavailable, noResume } from '../../errors.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { membershipFor } from './change-status.js';

interface MediaDocument {
  download: string | null;
  exists: boolean;
}

/**
 * A presigned download of an applicant's résumé, for the club's officers: media holds the document
 * (the student uploaded it through `/api/student/documents/resume`), engagement only asks for a link.
 * Media down or slow is a 503, never a hung or failed roster.
 */
export async function resumeLink(ctx: EngagementContext, claims: AccessClaims, linkName: string, id: string) {
  await clubForOfficer(ctx.db, linkName, claims, 'read');
  const { membership } = await membershipFor(ctx.db, linkName, id, claims, 'read');
  if (!membership.hasResume) throw noResume();
  let answer: { status: number; body: MediaDocument };
  try {
    answer = await ctx.media.get<MediaDocument>(
      `/internal/documents/${encodeURIComponent(membership.accountId)}/resume`,
    );
  } catch (error) {
    if (error instanceof AppError && error.status >= 500) throw mediaUnavailable();
    throw error;
  }
  if (answer.status === 404) throw noResume();
  if (answer.status !== 200) throw mediaUnavailable();
  if (!answer.body?.exists || !answer.body.download) throw noResume();
  return { download: answer.body.download };
}
