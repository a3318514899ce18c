import type { Api } from './platform.js';

/**
 * Upstream's officer registration body: a club of these names and tags, one member, open to new ones,
 * no recruiting or application dates. `app_required` is false unless given.
 */
export const registrationBody = (club: {
  name: string;
  email: string;
  password: string;
  tags: number[];
  app_required?: boolean;
}) => ({
  app_required: false,
  ...club,
  new_members: true,
  num_users: 1,
  apply_deadline_start: null,
  apply_deadline_end: null,
  recruiting_start: null,
  recruiting_end: null,
});

/**
 * What an officer's sign-up takes through the gateway: an admin puts the address on the RSO list,
 * then the officer registers a club (tagged with the first tag). Answers the registration's answer.
 */
export async function registerOfficer(
  api: Api,
  admin: { email: string; password: string },
  officer: { email: string; password: string; club: string },
) {
  const adminToken = (await api('/api/monitor/login', { body: admin })).body.access as string;
  const listed = await api('/api/monitor/rso', { body: { email: officer.email }, token: adminToken });
  if (listed.status !== 200) throw new Error(`RSO list refused ${officer.email}: ${listed.status}`);
  const tags = (await api('/api/catalog/tags')).body as { id: number }[];
  return api('/api/user/register', {
    body: registrationBody({
      name: officer.club,
      email: officer.email,
      password: officer.password,
      tags: [tags[0]!.id],
    }),
  });
}
