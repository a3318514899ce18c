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
  // Ids of the officer's own items, by the collection a route's id names (`/api/admin/faq/{id}`: a FAQ
  // entry's id): a random pick among every kind would mostly name nothing on that route.
  const idsOf = async (list: string) => {
    const answer = await api(list, { token: officer.token });
    // A list, or a page whose one list is the items (`{ total, limit, offset, members: [...] }`).
    const items = Array.isArray(answer.body)
      ? answer.body
      : Object.values(answer.body ?? {}).find(Array.isArray);
    return Array.isArray(items) ? items.slice(0, 3).map((item: { id?: unknown }) => String(item.id)) : [];
  };
  const link = profile.body?.link_name as string | undefined;
  const byCollection: Record<string, string[]> = {
    events: await idsOf('/api/admin/events'),
    'recruiting-events': await idsOf('/api/admin/recruiting-events'),
    resources: await idsOf('/api/admin/resources'),
    faq: await idsOf('/api/admin/faq'),
    ...(link
      ? {
          members: await idsOf(`/api/clubs/${link}/members`),
          messages: await idsOf(`/api/clubs/${link}/messages`),
          polls: await idsOf(`/api/clubs/${link}/polls`),
        }
      : {}),
  };
  const ids = Object.values(byCollection).flat();
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
    eventId: [...byCollection.events!, ...byCollection['recruiting-events']!],
    pollId: byCollection.polls ?? [],
  };
  return (name, route) => {
    // `/api/admin/faq/{id}`, `/api/clubs/{link}/members/{id}/status`: the collection just before the id.
    const collection = new RegExp(`/([\\w-]+)/\\{${name}\\}`).exec(route.path)?.[1];
    const own = collection ? byCollection[collection] : undefined;
    return own?.length ? own : byName[name];
  };
}
