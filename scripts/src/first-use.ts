// What `npm start` adds for a newcomer, beside the services themselves: student sign-on that works
// with no set-up, demo accounts, and what the home page at `/` lists. Embedded mode only.
import type { EmbeddedPostgres } from '@sproul/common/db/embedded';
import type { Logger } from '@sproul/common/logging';
import type { HomePageContent } from '@sproul/gateway';
import {
  type DemoAccountInfo,
  demoStudentEmail,
  ensureDemoAccounts,
  seedDemoWanted,
} from './demo-accounts.js';
import { startDevOidcProvider } from './dev-oidc-provider.js';

export interface StudentSignOn {
  /** Auth's OIDC_* settings pointing at the development provider; empty when one is configured. */
  config: Record<string, string>;
  issuer?: string;
  close(): Promise<void>;
}

/**
 * A development OpenID Connect provider on loopback, unless OIDC_ISSUER names a real one. Must run
 * before auth starts, which reads its settings.
 */
export async function startStudentSignOn(publicBaseUrl: string): Promise<StudentSignOn> {
  if (process.env.OIDC_ISSUER) return { config: {}, close: async () => {} };
  const provider = await startDevOidcProvider({
    redirectUri: new URL('/api/student/login', publicBaseUrl).href,
    suggestedEmail: demoStudentEmail(),
    domain: process.env.STUDENT_EMAIL_DOMAIN || 'berkeley.edu',
  });
  return {
    config: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
    issuer: provider.issuer,
    close: () => provider.close(),
  };
}

/** Demo accounts (unless SEED_DEMO=0) and the home page's content; run once every service has started. */
export async function prepareFirstUse(
  database: EmbeddedPostgres,
  signOn: StudentSignOn,
  logger: Logger,
): Promise<{ demoAccounts: DemoAccountInfo[]; home: HomePageContent }> {
  const demoAccounts = seedDemoWanted() ? await ensureDemoAccounts(database, logger) : [];
  return {
    demoAccounts,
    home: {
      mode: 'npm start (embedded mode)',
      links: signOn.issuer
        ? [
            {
              href: '/api/student/login',
              label: 'Student sign-in',
              description: 'through the development sign-on provider (any campus address)',
            },
          ]
        : [],
      demoAccounts,
    },
  };
}
