import { notOwnRegistration } from '../../errors.js';
import { editStudentProfile } from './edit-student-profile.js';
import type { Student } from './student-identity.js';

/**
 * Upstream's `POST /api/student/finish-register`, as it was meant (upstream's check was inverted, so it
 * always failed): sets the signed-in student's majors, minors and interests. The body names the student
 * by email; here it must be the token's own (case aside), so no student completes another's profile.
 */
export async function finishStudentRegistration(
  ctx: Parameters<typeof editStudentProfile>[0],
  student: Student,
  registration: { email: string; majors: number[]; minors: number[]; interests: number[] },
) {
  if (registration.email.toLowerCase() !== student.email.toLowerCase()) {
    throw notOwnRegistration();
  }
  const { majors, minors, interests } = registration;
  await editStudentProfile(ctx, student, { majors, minors, interests });
}
