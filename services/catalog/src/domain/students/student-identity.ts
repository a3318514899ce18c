import type { Repositories } from '../../data-access/repositories.js';
import type { StudentProfile } from '../../data-access/student-profile-repository.js';

/** Who the student is, from the access token. */
export interface Student {
  userId: string;
  email: string;
}

/**
 * The student's catalog profile, created on first use (the account itself lives in auth; a student who
 * signed up before the catalog heard of them still gets one).
 */
export async function ensureStudentProfile(repos: Repositories, student: Student): Promise<StudentProfile> {
  return (await repos.students.find(student.userId)) ?? repos.students.ensure(student);
}
