import { successSchema } from '@sproul/common/openapi';
import { editStudentProfile } from '../../../domain/students/edit-student-profile.js';
import { finishStudentRegistration } from '../../../domain/students/finish-student-registration.js';
import { studentProfile } from '../../../domain/students/student-profile.js';
import { studentProfileAnswer } from '../officer-answers.js';
import { route } from '../route.js';
import { studentProfileView } from '../student-profile-view.js';
import { finishRegistrationBody, studentProfileEditBody } from '../student-schemas.js';
import { confirmed, me, STUDENT, TAG } from './student.js';

const profile = { 200: { description: 'Profile', schema: studentProfileAnswer } };

/** The signed-in student's profile, and the step right after their first sign-in. */
export const profileRoutes = [
  // Upstream asks no confirmed email here: it is the step right after a student's first sign-in.
  route(
    {
      method: 'post',
      path: '/api/student/finish-register',
      tag: TAG,
      auth: STUDENT,
      summary:
        "Set a new student's first majors, minors and interests (the token's own email; unconfirmed allowed)",
      body: finishRegistrationBody,
      responses: { 200: { description: 'Saved', schema: successSchema } },
      errors: [403],
    },
    async ({ ctx, claims, body }) => {
      await finishStudentRegistration(ctx, me(claims), body);
      return { status: 'success' };
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/student/profile',
      tag: TAG,
      auth: STUDENT,
      authorize: confirmed,
      summary: "The student's profile, favourites, board and recommended clubs",
      responses: profile,
    },
    async ({ ctx, claims }) =>
      studentProfileView(await studentProfile(ctx, me(claims)), ctx.config.CAMPUS_TZ),
  ),
  route(
    {
      method: 'post',
      path: '/api/student/profile',
      tag: TAG,
      auth: STUDENT,
      authorize: confirmed,
      summary: 'Edit majors, minors, interests, year, name (keys absent stay)',
      body: studentProfileEditBody,
      responses: profile,
    },
    async ({ ctx, claims, body }) => {
      return studentProfileView(await editStudentProfile(ctx, me(claims), body), ctx.config.CAMPUS_TZ);
    },
  ),
];
