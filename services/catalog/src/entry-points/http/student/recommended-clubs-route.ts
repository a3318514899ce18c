import { z } from 'zod';
import { repositories } from '../../../data-access/repositories.js';
import { recommendedForStudent } from '../../../domain/students/recommended-for-student.js';
import { ensureStudentProfile } from '../../../domain/students/student-identity.js';
import { studentRecommendedClubSchema } from '../officer-answers.js';
import { route } from '../route.js';
import { recommendedView } from '../student-profile-view.js';
import { confirmed, me, STUDENT, TAG } from './student.js';

/** New (upstream's were three random clubs in the profile): more of them, each with its reason. */
export const recommendedClubsRoute = route(
  {
    method: 'get',
    path: '/api/student/recommended-clubs',
    tag: TAG,
    auth: STUDENT,
    authorize: confirmed,
    summary:
      'Clubs recommended to the student from their interests, majors, favourites and visits, with reasons',
    query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(10) }),
    responses: {
      200: {
        description: 'Most recommended first',
        schema: z.object({ recommended_clubs: z.array(studentRecommendedClubSchema) }),
      },
    },
  },
  async ({ ctx, claims, query }) => {
    const student = me(claims);
    const repos = repositories(ctx.db);
    const profile = await ensureStudentProfile(repos, student);
    const [favorites, visited] = await Promise.all([
      repos.students.favoriteClubs(student.userId),
      repos.students.visitedClubs(student.userId),
    ]);
    const clubs = await recommendedForStudent(ctx, { profile, favorites, visited }, query.limit);
    return { recommended_clubs: clubs.map(recommendedView) };
  },
);
