import type { JsonClient, KnownValues } from '@sproul/common/testing';

/**
 * Real values for path and query parameters (half the time in place of the schema's): a fuzzed id that
 * names nothing only ever meets a 404, one that names the officer's club or event reaches the checks
 * behind it.
 */
export async function knownValues(
  api: JsonClient,
  officer: { token: string },
  admin: { token: string },
  ownEmails: string[],
): Promise<KnownValues> {
  const profile = await api('/api/admin/profile', { token: officer.token });
  const catalog = await api('/api/catalog/organizations?limit=3&skip=0');
  const links = [
    profile.body?.link_name as string,
    ...((catalog.body?.results ?? catalog.body ?? []) as { link_name?: string }[]).map(
      (club) => club.link_name,
    ),
  ].filter((link): link is string => typeof link === 'string');
  const ids: string[] = [];
  for (const list of [
    '/api/admin/events',
    '/api/admin/resources',
    '/api/admin/faq',
    '/api/admin/recruiting-events',
  ]) {
    const answer = await api(list, { token: officer.token });
    if (Array.isArray(answer.body))
      ids.push(...answer.body.slice(0, 2).map((item: { id?: unknown }) => String(item.id)));
  }
  // Other clubs' addresses (from the admin's list), never the fuzzer's own accounts': an admin route
  // given one would delete the account or club the fuzzer signs in with, for the rest of the run.
  const clubs = JSON.stringify((await api('/api/monitor/club/list', { token: admin.token })).body ?? '');
  const emails = [...new Set(clubs.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])]
    .filter((email) => !ownEmails.includes(email))
    .slice(0, 3);
  const byName: Record<string, string[]> = {
    link: links,
    link_name: links,
    email: emails,
    id: ids,
    eventId: ids,
  };
  return (name) => byName[name];
}
