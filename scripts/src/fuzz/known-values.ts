import type { JsonClient, KnownValues } from '@sproul/common/testing';

/**
 * Real values for path and query parameters (half the time in place of the schema's): a fuzzed id that
 * names nothing only ever meets a 404, one that names the officer's club or event reaches the checks
 * behind it.
 */
export async function knownValues(
  api: JsonClient,
  officer: { token: string; email: string },
  emails: string[],
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
  const byName: Record<string, string[]> = {
    link: links,
    link_name: links,
    email: emails,
    id: ids,
    eventId: ids,
  };
  return (name) => byName[name];
}
