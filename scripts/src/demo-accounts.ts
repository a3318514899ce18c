// `npm start`'s demo accounts, so that a newcomer can sign in at once: an officer of the first demo
// club and a student. Skipped with SEED_DEMO=0. They are local conveniences with published passwords:
// the embedded mode listens on loopback unless HOST says otherwise.
import { createDemoAccount, type DemoAccount } from '@sproul/auth';
import { findDemoClub } from '@sproul/catalog';
import type { EmbeddedPostgres } from '@sproul/common/db/embedded';
import type { Logger } from '@sproul/common/logging';

export interface DemoAccountInfo {
  role: 'officer' | 'student';
  email: string;
  password: string;
  /** How this account signs in, for the home page and the start-up message. */
  signIn: string;
}

export const DEMO_OFFICER_PASSWORD = 'sproul-demo-officer-1!';
export const DEMO_STUDENT_PASSWORD = 'sproul-demo-student-1!';

export const seedDemoWanted = (value = process.env.SEED_DEMO) =>
  !['0', 'false', 'no', 'off'].includes((value ?? '').toLowerCase());

export const demoStudentEmail = (domain = process.env.STUDENT_EMAIL_DOMAIN || 'berkeley.edu') =>
  `demo.student@${domain}`;

/** Creates the demo accounts, or gives them back their passwords; run once every service has started. */
export async function ensureDemoAccounts(
  database: EmbeddedPostgres,
  logger: Logger,
): Promise<DemoAccountInfo[]> {
  const auth = database.forService('auth');
  const club = await findDemoClub(database.forService('catalog'));
  const demos: DemoAccount[] = [];
  if (club) {
    demos.push({
      role: 'officer',
      email: club.contactEmail,
      password: DEMO_OFFICER_PASSWORD,
      name: club.name,
      clubId: club.id,
    });
  } else {
    logger.info('no demo club in the catalog: no demo officer');
  }
  demos.push({
    role: 'student',
    email: demoStudentEmail(),
    password: DEMO_STUDENT_PASSWORD,
    name: 'Demo Student',
  });
  // Side by side: each hashes its password first, which takes a moment off the main thread.
  const ready = await Promise.all(
    demos.map(async (demo): Promise<DemoAccountInfo | undefined> => {
      try {
        await createDemoAccount(auth, demo);
      } catch (error) {
        logger.warn({ err: error, email: demo.email }, 'demo account not created');
        return undefined;
      }
      return {
        role: demo.role,
        email: demo.email,
        password: demo.password,
        signIn:
          demo.role === 'officer'
            ? `officer of ${demo.name}: POST /api/user/login, then GET /api/admin/profile`
            : 'student: GET /api/student/login (development sign-in page) or POST /api/student/login',
      };
    }),
  );
  return ready.filter((account) => account !== undefined);
}
