import type { AccessClaims } from '@sproul/common/auth';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';
import type { CatalogContext } from '../catalog-context.js';

/**
 * Remembers that a signed-in student opened a club page (the recommender and "recently viewed" read it).
 * It runs after the answer and never fails the page: a lost visit costs nothing.
 */
export function recordStudentVisit(
  ctx: Pick<CatalogContext, 'db' | 'logger'>,
  claims: AccessClaims,
  clubId: string,
) {
  setImmediate(() => {
    ctx.db
      .transaction(async (tx) => {
        const students = studentProfileRepository(tx);
        await students.ensure({ userId: claims.sub, email: claims.email });
        await students.recordVisit(claims.sub, clubId);
      })
      .catch((error) => ctx.logger.warn({ err: error }, 'could not record a club visit'));
  });
}
