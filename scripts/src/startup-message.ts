import type { EmbeddedPlatform } from './platform.js';

/** What `npm start` prints once it answers: where to go, and the demo accounts to sign in with. */
export function startupMessage(
  platform: Pick<EmbeddedPlatform, 'url' | 'internalUrl' | 'demoAccounts'>,
  ms: number,
) {
  const lines = [
    '',
    `sproul.club is ready at ${platform.url} (started in ${ms} ms)`,
    `  home page:          ${platform.url}/`,
    `  API documentation:  ${platform.url}/api/docs`,
    `  admin web app:      ${platform.url}/admin (an admin account: npm run admin:create)`,
    `  sent mail:          ${platform.url}/_dev/mail (every email the platform sent, rendered)`,
    `  readiness, metrics: ${platform.internalUrl}/readyz, ${platform.internalUrl}/metrics (loopback only)`,
  ];
  if (platform.demoAccounts.length > 0) {
    lines.push('', 'Demo accounts (SEED_DEMO=0 skips them):');
    for (const account of platform.demoAccounts) {
      lines.push(`  ${account.email}  password: ${account.password}  (${account.signIn})`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}
