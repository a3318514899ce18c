import { eventually, registrationBody } from '@sproul/common/testing';
import { claimsOf } from './claims.js';
import { devMailTo, linkIn } from './mail.js';
import type { Api } from './platform.js';

export { registrationBody };

/**
 * What an officer's sign-up takes through the gateway: an admin puts the address on the RSO list,
 * then the officer registers a club (tagged with the first tag). Answers the registration's answer.
 */
export async function registerOfficer(
  api: Api,
  admin: { email: string; password: string },
  officer: { email: string; password: string; club: string; app_required?: boolean },
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
      app_required: officer.app_required ?? false,
    }),
  });
}

/** An officer's session once their club is known to the catalog: tokens and the club's link name. */
export interface OfficerSession {
  access: string;
  refresh: string;
  link: string;
}

/**
 * Signs in until the token acts for a club the catalog answers for (auth learns of the club from the
 * catalog's ClubCreated, so the first sign-ins may carry no club yet). Answers the tokens and the link name.
 */
export async function signInOfficer(api: Api, officer: { email: string; password: string }) {
  return eventually(async (): Promise<OfficerSession | undefined> => {
    const login = await api('/api/user/login', {
      body: { email: officer.email, password: officer.password },
    });
    if (login.status !== 200) return undefined;
    // A token from before auth learned of the club carries no `club` claim: the catalog would still
    // answer it (it falls back to the club the account owns), but the team routes would not.
    if (!claimsOf(login.body.access).club) return undefined;
    const profile = await api('/api/admin/profile', { token: login.body.access });
    if (profile.status !== 200) return undefined;
    return { access: login.body.access, refresh: login.body.refresh, link: profile.body.link_name };
  }, 20_000);
}

/**
 * The whole sign-up as a newcomer makes it, every link read from the local inbox: RSO list, club
 * registration, the confirmation email's link, then a sign-in that acts for the new club.
 */
export async function signUpOfficer(
  api: Api,
  baseUrl: string,
  admin: { email: string; password: string },
  officer: { email: string; password: string; club: string; app_required?: boolean },
) {
  const registered = await registerOfficer(api, admin, officer);
  if (registered.status !== 200) throw new Error(`registration of ${officer.club}: ${registered.status}`);
  const mail = await devMailTo(baseUrl, officer.email, 'Please confirm your email');
  const confirmed = await fetch(linkIn(mail, /http:\/\/\S+\/api\/user\/confirm\/\S+/), {
    redirect: 'manual',
  });
  if (confirmed.status !== 302) throw new Error(`confirmation of ${officer.email}: ${confirmed.status}`);
  return signInOfficer(api, officer);
}
