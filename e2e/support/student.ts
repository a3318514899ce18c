import { devMailTo, linkIn } from './mail.js';
import type { Api } from './platform.js';

/** A student as the tests sign them up: a campus address, a password, a full name. */
export interface StudentAccount {
  email: string;
  password: string;
  name: string;
}

/**
 * A student's password sign-up as a newcomer makes it: register, follow the confirmation email's link
 * (read from the local inbox), sign in. Answers the access token of the confirmed account.
 */
export async function signUpStudent(api: Api, baseUrl: string, student: StudentAccount): Promise<string> {
  const registered = await api('/api/student/register', { body: student });
  if (registered.status !== 200) throw new Error(`registration of ${student.email}: ${registered.status}`);
  const mail = await devMailTo(baseUrl, student.email, 'Please confirm your email');
  const confirmed = await fetch(linkIn(mail, /http:\/\/\S+\/api\/user\/confirm\/\S+/), {
    redirect: 'manual',
  });
  if (confirmed.status !== 302) throw new Error(`confirmation of ${student.email}: ${confirmed.status}`);
  const login = await api('/api/student/login', {
    body: { email: student.email, password: student.password },
  });
  if (login.status !== 200) throw new Error(`sign-in of ${student.email}: ${login.status}`);
  return login.body.access as string;
}
